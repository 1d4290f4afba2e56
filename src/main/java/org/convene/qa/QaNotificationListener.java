package org.convene.qa;

import org.convene.core.live.ListeningThread;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * This node's one LISTEN connection. PostgreSQL delivers a NOTIFY only after its transaction commits, to every
 * node listening, so each node hears of every committed change (its own and other nodes') exactly when it
 * may announce it.
 * <p>
 * It has a dedicated platform thread ("qa-listen", see {@link ListeningThread}) rather than a task on a pool.
 * Spring stops it before the pools it feeds ({@link QaExecutors#WORK_PHASE}).
 */
@Component
class QaNotificationListener extends ListeningThread {

    private static final Logger log = LoggerFactory.getLogger(QaNotificationListener.class);

    private final QaFanout fanout;
    private final VoteCoalescer coalescer;

    QaNotificationListener(DataSource dataSource, QaFanout fanout, VoteCoalescer coalescer) {
        super(dataSource, "qa-listen");
        this.fanout = fanout;
        this.coalescer = coalescer;
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }

    @Override
    protected void listen(Connection connection, boolean reconnecting) throws SQLException {
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
}
