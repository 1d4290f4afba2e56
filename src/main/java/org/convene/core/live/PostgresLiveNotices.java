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
    /**
     * The channels the current connection has run LISTEN for. Each connection gets a new set rather than clearing
     * the last, so a thread left over from before a stop and start cannot empty its successor's.
     */
    private volatile Set<String> listening = Set.of();

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
        Set<String> channels = ConcurrentHashMap.newKeySet();
        synchronized (this) {
            listening = channels;
        }
        try {
            listenToNewChannels(connection, channels);
            if (reconnecting) {
                listeners.values().forEach(list -> list.forEach(this::tellMissed));
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (isCurrent()) {
                listenToNewChannels(connection, channels);
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
        } finally {
            synchronized (this) {
                if (listening == channels) {
                    listening = Set.of();
                }
            }
        }
    }

    /**
     * Whether a notice on the channel committed from now on will be heard: its LISTEN has run on a connection that
     * is still listening. {@link #listen(String, Listener)} returns before that, within one wait.
     */
    boolean isListening(String channel) {
        return listening.contains(channel);
    }

    private void listenToNewChannels(Connection connection, Set<String> channels) throws SQLException {
        for (String channel : listeners.keySet()) {
            if (!channels.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel); // checked against CHANNEL: no quoting needed
                }
                channels.add(channel); // only once LISTEN has run, so that isListening tells the truth
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
