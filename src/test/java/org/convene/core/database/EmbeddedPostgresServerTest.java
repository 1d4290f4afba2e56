package org.convene.core.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void a_persistent_database_runs_durably_and_keeps_its_data_across_restarts(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        try {
            String url = EmbeddedPostgresServer.jdbcUrl(dataDir, 0, false);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('acknowledged')");
            }
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();

        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(dataDir, 0, false), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
    }

    @Test
    void a_pid_file_whose_process_is_gone_is_removed_before_start(@TempDir Path dir) throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("pg"));
        // pid 2^22 - 1 is above Linux's default pid_max, so no process has it
        Files.writeString(dataDir.resolve("postmaster.pid"), "4194303\n" + dataDir + "\n");

        EmbeddedPostgresServer.stopStaleServer(dataDir);

        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
