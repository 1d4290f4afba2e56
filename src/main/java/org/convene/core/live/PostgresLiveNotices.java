package org.convene.core.live;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link LiveNotices} over PostgreSQL's LISTEN/NOTIFY: one connection and one platform thread ("live-listen") for
 * every channel of every feature, so a new feature adds no connection. The thread blocks on its connection (half a
 * second at a time) and holds it for the application's life, which is why it is not a task on a pool; Spring starts
 * and stops it as a {@link SmartLifecycle}. A channel registered while it runs is LISTENed to within one wait.
 */
@Component
class PostgresLiveNotices implements LiveNotices, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveNotices.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final LiveNoticeRepository repository;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

    PostgresLiveNotices(DataSource dataSource, LiveNoticeRepository repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    @Override
    public void publish(String channel, String payload) {
        repository.notify(LiveNotices.checkedChannel(channel), LiveNotices.checkedPayload(payload));
    }

    @Override
    public void listen(String channel, Listener listener) {
        listeners.computeIfAbsent(LiveNotices.checkedChannel(channel), c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void start() {
        boolean restarting = thread != null;
        running = true;
        CompletableFuture<Void> threadEnded = new CompletableFuture<>();
        Thread listener = Thread.ofPlatform().name("live-listen").daemon().unstarted(() -> {
            try {
                listenUntilStopped(restarting);
            } finally {
                threadEnded.complete(null);
            }
        });
        thread = listener;
        ended = threadEnded;
        listener.start();
    }

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

    private boolean isCurrent() {
        return running && thread == Thread.currentThread();
    }

    private void listenUntilStopped(boolean reconnecting) {
        while (isCurrent()) {
            @Nullable Connection connection = null;
            try {
                connection = dataSource.getConnection();
                listen(connection, reconnecting);
                unlistenAll(connection);
                connection.close();
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                if (!isCurrent()) {
                    return;
                }
                log.warn("Live notices lost their database connection ({}); retrying in 1 s", e.getMessage());
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
        listening.clear();
        listenToNewChannels(connection);
        if (reconnecting) {
            listeners.values().forEach(list -> list.forEach(this::tellMissed));
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (isCurrent()) {
            listenToNewChannels(connection);
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                for (Listener listener : listeners.getOrDefault(notification.getName(), List.of())) {
                    deliver(listener, notification.getParameter());
                }
            }
        }
    }

    /**
     * A stopped listener gives its connection back to the pool, and LISTEN outlives the borrower: without this the
     * next borrower (another feature's listener, or any query) would receive, and keep, this channel's notices.
     */
    private static void unlistenAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        }
        connection.unwrap(PGConnection.class).getNotifications(); // drop any that arrived before the UNLISTEN
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : listeners.keySet()) {
            if (listening.add(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel); // checked against CHANNEL: no quoting needed
                }
            }
        }
    }

    private static void deliver(Listener listener, String payload) {
        try {
            listener.notice(payload);
        } catch (RuntimeException e) {
            log.warn("A live notice listener failed ({}); the next notice will still arrive", e.toString());
        }
    }

    private void tellMissed(Listener listener) {
        try {
            listener.missed();
        } catch (RuntimeException e) {
            log.warn("A live notice listener failed to catch up ({})", e.toString());
        }
    }

    /** A connection that failed while listening is not given back to the pool (see QaNotificationListener). */
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
            log.debug("Live notices could not discard a lost connection: {}", e.getMessage());
        }
    }
}
