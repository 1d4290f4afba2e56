package org.convene.core.live;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link LiveNotices} over PostgreSQL's LISTEN/NOTIFY: one connection and one platform thread ("live-listen", a
 * {@link ListeningThread}) for every channel of every feature, so a new feature adds no connection. A channel
 * registered while it runs is LISTENed to within one wait.
 */
@Component
class PostgresLiveNotices extends ListeningThread implements LiveNotices {

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveNotices.class);
    private static final int WAIT_MILLIS = 500;

    private final LiveNoticeRepository repository;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();

    PostgresLiveNotices(DataSource dataSource, LiveNoticeRepository repository) {
        super(dataSource, "live-listen");
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
    protected void listen(Connection connection, boolean reconnecting) throws SQLException {
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
}
