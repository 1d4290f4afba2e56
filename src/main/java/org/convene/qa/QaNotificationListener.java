package org.convene.qa;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

/**
 * This node's one LISTEN connection. PostgreSQL delivers a NOTIFY only after its transaction commits, to every
 * node listening, so each node hears of every committed change (its own and other nodes') exactly when it
 * may announce it.
 * <p>
 * It has a dedicated platform thread ("qa-listen") rather than a task on a pool: the thread holds one database
 * connection for as long as the application runs and blocks on it (up to half a second at a time) waiting for
 * notices, so on a pool it would take a thread for good and never finish. Spring starts and stops it through
 * {@link SmartLifecycle}, before the pools it feeds ({@link QaExecutors#WORK_PHASE}); a stop ends the thread
 * within one wait and returns its connection to the pool.
 */
@Component
class QaNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QaNotificationListener.class);

    private final DataSource dataSource;
    private final QaFanout fanout;
    private final VoteCoalescer coalescer;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    /** Completes when the current thread has ended (after a stop). */
    private volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

    QaNotificationListener(DataSource dataSource, QaFanout fanout, VoteCoalescer coalescer) {
        this.dataSource = dataSource;
        this.fanout = fanout;
        this.coalescer = coalescer;
    }

    @Override
    public void start() {
        boolean restarting = thread != null;
        running = true;
        CompletableFuture<Void> listenerEnded = new CompletableFuture<>();
        Thread listener = Thread.ofPlatform().name("qa-listen").daemon().unstarted(() -> {
            try {
                listenUntilStopped(restarting);
            } finally {
                listenerEnded.complete(null);
            }
        });
        thread = listener; // before it runs: it checks that it is the current listener
        ended = listenerEnded;
        listener.start();
    }

    /** Lets Spring go on to the next phase only once the thread has let go of its connection. */
    @Override
    public void stop(Runnable callback) {
        CompletableFuture<Void> stopping = ended;
        stop();
        stopping.whenComplete((done, failure) -> callback.run());
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }

    /** A thread left over from before a stop and start ends instead of listening twice. */
    private boolean isCurrent() {
        return running && thread == Thread.currentThread();
    }

    /** @param reconnecting true after a stop and start: notices sent while stopped were missed */
    private void listenUntilStopped(boolean reconnecting) {
        while (isCurrent()) {
            @Nullable Connection connection = null;
            try {
                connection = dataSource.getConnection();
                listen(connection, reconnecting);
                unlistenAll(connection);
                connection.close(); // stopped: a healthy connection goes back to the pool
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                if (!isCurrent()) {
                    return;
                }
                log.warn("Q&A listener lost its database connection ({}); retrying in 1 s", e.getMessage());
                reconnecting = true;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void listen(Connection connection, boolean reconnecting) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + QaRepository.CHANNEL);
            statement.execute("LISTEN " + QaRepository.VOTES_CHANNEL);
        }
        if (reconnecting) {
            log.info("Q&A listener reconnected; catching up");
            fanout.resync();
        }
        coalescer.catchUp();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (isCurrent()) {
            PGNotification[] notifications = pg.getNotifications(500);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                if (QaRepository.CHANNEL.equals(notification.getName())) {
                    fanout.changed(notification.getParameter());
                } else if (QaRepository.VOTES_CHANNEL.equals(notification.getName())) {
                    coalescer.votesChanged(Long.parseLong(notification.getParameter()));
                }
            }
        }
    }

    /** LISTEN outlives the borrower: the connection goes back to the pool listening to nothing. */
    private static void unlistenAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        }
        connection.unwrap(PGConnection.class).getNotifications();
    }

    /**
     * A connection that failed while listening must not go back to the pool: the error came through the driver's
     * own connection (unwrapped for getNotifications), which the pool does not watch, so the pool would lend the
     * dead connection to the next question or vote without checking it (bench/faults.sh found this).
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
            log.debug("Q&A listener could not discard its lost connection: {}", e.getMessage());
        }
    }
}
