package org.convene.core.live;

import org.convene.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class LiveNoticesTest {

    @Autowired
    LiveNotices notices;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    private TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    /** A notice sent before the listening connection has run LISTEN for its channel is not heard. */
    private void awaitListening(String channel) {
        PostgresLiveNotices postgres = (PostgresLiveNotices) notices;
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> postgres.isListening(channel));
    }

    @Test
    void a_notice_is_heard_after_its_transaction_commits_and_never_after_a_rollback() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        notices.listen("live_notices_test", heard::add);
        awaitListening("live_notices_test");

        transactions().executeWithoutResult(tx -> {
            notices.publish("live_notices_test", "rolled-back");
            tx.setRollbackOnly();
        });
        transactions().executeWithoutResult(tx -> notices.publish("live_notices_test", "42:7"));

        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("42:7");
        assertThat(heard.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_listener_is_told_it_may_have_missed_notices_when_the_connection_comes_back() throws Exception {
        CountDownLatch missed = new CountDownLatch(1);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        notices.listen("live_notices_lost", new LiveNotices.Listener() {
            @Override
            public void notice(String payload) {
                heard.add(payload);
            }

            @Override
            public void missed() {
                missed.countDown();
            }
        });
        awaitListening("live_notices_lost");
        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN live_%'"
                    + " and pid <> pg_backend_pid()");
        }

        assertThat(missed.await(10, TimeUnit.SECONDS)).isTrue();
        transactions().executeWithoutResult(tx -> notices.publish("live_notices_lost", "after"));
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
    }

    @Test
    void a_stopped_listener_gives_its_connection_back_to_the_pool_listening_to_nothing() throws Exception {
        notices.listen("live_notices_stop", payload -> { });
        awaitListening("live_notices_stop");
        PostgresLiveNotices postgres = (PostgresLiveNotices) notices;
        CountDownLatch stopped = new CountDownLatch(1);
        postgres.stop(stopped::countDown);
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            List<Connection> borrowed = new ArrayList<>();
            try {
                int lent = pool.getHikariPoolMXBean().getIdleConnections();
                for (int i = 0; i < lent; i++) {
                    Connection c = dataSource.getConnection();
                    borrowed.add(c);
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("select count(*) from pg_listening_channels()")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("channels a pooled connection still listens to").isZero();
                    }
                }
            } finally {
                for (Connection c : borrowed) {
                    c.close();
                }
            }
        } finally {
            postgres.start();
        }
    }

    @Test
    void channel_names_and_payloads_are_checked_before_they_reach_the_database() {
        assertThatThrownBy(() -> notices.publish("Bad; drop table x", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.publish("ok_channel", "x".repeat(LiveNotices.MAX_PAYLOAD + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.listen("UPPER", payload -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
