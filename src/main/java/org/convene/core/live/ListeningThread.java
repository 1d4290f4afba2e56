package org.convene.core.live;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

/**
 * A node's LISTEN connection and the one platform thread that holds it. The thread borrows a connection for as
 * long as the application runs and blocks on it waiting for notices, so on a pool it would take a thread for good
 * and never finish; Spring starts and stops it as a {@link SmartLifecycle}. A stop ends the thread within one wait
 * and gives a healthy connection back to the pool listening to nothing; a lost connection is thrown away and a new
 * one tried every second, and the subclass is told it may have missed notices meanwhile.
 * <p>
 * Both LISTEN connections extend it: {@code core.live}'s for every feature's channels, and the Q&A's own, tuned
 * for its volume.
 */
public abstract class ListeningThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListeningThread.class);
    private static final long RETRY_MILLIS = 1000;

    private final DataSource dataSource;
    private final String threadName;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    /** Completes when the current thread has ended (after a stop). */
    private volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

    /** @param threadName also names the listener in the log, so say which feature's it is ("qa-listen") */
    protected ListeningThread(DataSource dataSource, String threadName) {
        this.dataSource = dataSource;
        this.threadName = threadName;
    }

    /**
     * LISTENs on the connection (in auto-commit) and handles notices until {@link #isCurrent()} turns false, waiting
     * at most half a second at a time so that a stop is seen quickly.
     *
     * @param reconnecting true after a lost connection or a stop and start: notices sent meanwhile were missed
     */
    protected abstract void listen(Connection connection, boolean reconnecting) throws SQLException;

    @Override
    public final void start() {
        boolean restarting = thread != null;
        running = true;
        CompletableFuture<Void> threadEnded = new CompletableFuture<>();
        Thread listener = Thread.ofPlatform().name(threadName).daemon().unstarted(() -> {
            try {
                listenUntilStopped(restarting);
            } finally {
                threadEnded.complete(null);
            }
        });
        thread = listener; // before it runs: it checks that it is the current listener
        ended = threadEnded;
        listener.start();
    }

    /** Lets Spring go on to the next phase only once the thread has let go of its connection. */
    @Override
    public final void stop(Runnable callback) {
        CompletableFuture<Void> stopping = ended;
        stop();
        stopping.whenComplete((done, failure) -> callback.run());
    }

    @Override
    public final void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    /** A thread left over from before a stop and start ends instead of listening twice. */
    protected final boolean isCurrent() {
        return running && thread == Thread.currentThread();
    }

    private void listenUntilStopped(boolean reconnecting) {
        while (isCurrent()) {
            @Nullable Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                listen(connection, reconnecting);
                unlistenAll(connection);
                connection.close(); // stopped: a healthy connection goes back to the pool
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                if (!isCurrent()) {
                    return;
                }
                log.warn("{} lost its database connection ({}); retrying in 1 s", threadName, e.getMessage());
                reconnecting = true;
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * LISTEN outlives the borrower: without this the next borrower (another listener, or any query) would receive,
     * and keep, these channels' notices.
     */
    private static void unlistenAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        }
        connection.unwrap(PGConnection.class).getNotifications(); // drop any that arrived before the UNLISTEN
    }

    /**
     * A connection that failed while listening must not go back to the pool: the error came through the driver's
     * own connection (unwrapped for getNotifications), which the pool does not watch, so the pool would lend the
     * dead connection to the next query without checking it (bench/faults.sh found this).
     */
    private void discard(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.abort(Runnable::run);
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("{} could not discard its lost connection: {}", threadName, e.getMessage());
        }
    }
}
