package org.convene.qa;

import com.zaxxer.hikari.HikariDataSource;
import org.convene.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Found by bench/faults.sh: when the LISTEN connection's backend was terminated, the listener gave the dead
 * connection back to the pool as if it were healthy (the error came through the driver's own connection, which
 * the pool does not watch), and the next question or vote that borrowed it within half a second failed.
 */
@IntegrationTest
class ListenConnectionLostTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_lost_listen_connection_is_not_given_back_to_the_pool_for_the_next_write() throws Exception {
        // The test context may just have been started again (the context cache pauses contexts between classes),
        // and the listener reconnects on its own thread: wait until it is listening before cutting it.
        Set<Integer> terminated = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .pollInSameThread().untilAsserted(() -> {
                    terminated.addAll(cutListeners());
                    assertThat(terminated).as("a LISTEN connection to cut").isNotEmpty();
                });

        // within the pool's half second without a liveness check, look at every connection a write could borrow
        Set<Integer> lent = new HashSet<>();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            List<Connection> borrowed = new ArrayList<>();
            try {
                int idle = pool.getHikariPoolMXBean().getIdleConnections();
                for (int i = 0; i < idle; i++) {
                    Connection c = dataSource.getConnection();
                    borrowed.add(c);
                    lent.add(c.unwrap(PGConnection.class).getBackendPID());
                }
            } finally {
                for (Connection c : borrowed) {
                    c.close();
                }
            }
            Thread.sleep(20);
        }
        assertThat(lent).as("connections the pool lent after the LISTEN backend was terminated")
                .doesNotContainAnyElementsOf(terminated);
    }

    /** Terminates the backends of this node's LISTEN connections; returns their process ids. */
    private Set<Integer> cutListeners() throws Exception {
        Set<Integer> terminated = new HashSet<>();
        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select pid, pg_terminate_backend(pid) from pg_stat_activity"
                     + " where query ilike 'LISTEN%' and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                terminated.add(rs.getInt(1));
            }
        }
        return terminated;
    }
}
