package org.convene.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.convene.core.database.EmbeddedPostgresServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The email outbox under a crash (bench/faults.sh mail): two Convene nodes on one PostgreSQL send to a GreenMail
 * server in this JVM. Messages are written to the outbox; while both nodes send, node B is killed with kill -9 and
 * started again. Then every message must be SENT and have arrived at least once. A message the server accepted in
 * the batch B was sending when it died arrives twice (at least once, never lost): the copies are counted by
 * Message-ID and reported, and more copies than one batch per kill fails the run.
 * <p>
 * Arguments: jar httpPortA httpPortB dbPort smtpPort messages. Exits 1 when a check fails.
 */
public final class MailFaults {

    /** The nodes' convene.mail.batch-size: at most this many copies per kill. */
    private static final int BATCH_SIZE = 5;

    private final String jar;
    private final int dbPort;
    private final int smtpPort;
    private final Path dataDir = Path.of("target/faults-pg/data").toAbsolutePath();
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Process> nodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private int failures;

    private MailFaults(String jar, int portA, int portB, int dbPort, int smtpPort) {
        this.jar = jar;
        this.dbPort = dbPort;
        this.smtpPort = smtpPort;
        this.jdbcUrl = BenchSeed.jdbcUrl(dbPort);
        ports.put("A", portA);
        ports.put("B", portB);
    }

    public static void main(String[] args) throws Exception {
        MailFaults run = new MailFaults(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        int messages = Integer.parseInt(args[5]);
        GreenMail smtp = new GreenMail(new ServerSetup(run.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            run.run(smtp, messages);
        } finally {
            run.nodes.values().forEach(Process::destroy);
            smtp.stop();
            EmbeddedPostgresServer.stop(run.dataDir);
        }
        System.out.println(run.failures == 0 ? "ALL CHECKS PASSED" : run.failures + " CHECKS FAILED");
        System.exit(run.failures == 0 ? 0 : 1);
    }

    private void run(GreenMail smtp, int messages) throws Exception {
        EmbeddedPostgresServer.jdbcUrl(dataDir, dbPort, false);
        startNode("A");
        awaitServes("A");
        startNode("B");
        awaitServes("B");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> keyOfMessageId = enqueue(tag, messages);
        System.out.printf("%d messages in the outbox; both nodes sending (batches of %d)%n", messages, BATCH_SIZE);

        // kill B once some messages have gone, while the rest are being sent
        long killAt = Math.max(1, messages / 4);
        long start = System.nanoTime();
        while (sent(tag) < killAt) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
                fail("fewer than " + killAt + " messages sent within 3 minutes");
                return;
            }
            Thread.sleep(10);
        }
        Process b = nodes.get("B");
        b.toHandle().destroyForcibly(); // SIGKILL: its open transaction dies with its connection
        b.waitFor();
        long sentAtKill = sent(tag);
        System.out.printf("node B killed (kill -9) with %d of %d sent; started again%n", sentAtKill, messages);
        startNode("B");
        awaitServes("B");

        start = System.nanoTime();
        while (sent(tag) < messages && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // a run that was sending as the last row turned SENT has delivered it by now
        check(smtp, tag, messages, keyOfMessageId);
    }

    private void check(GreenMail smtp, String tag, int messages, Map<String, String> keyOfMessageId) throws Exception {
        long sent = sent(tag);
        if (sent != messages) {
            fail("SENT in the outbox: " + sent + " of " + messages + " (" + states(tag) + ")");
        }
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String key = keyOfMessageId.get(message.getMessageID());
            if (key != null) {
                copies.merge(key, 1, Integer::sum);
            }
        }
        int arrived = copies.size();
        int duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("Arrived: %d of %d messages; duplicates (same Message-ID twice): %d%n", arrived, messages,
                duplicates);
        if (arrived != messages) {
            fail((messages - arrived) + " messages never arrived");
        }
        if (duplicates > BATCH_SIZE) {
            fail(duplicates + " duplicates: more than the one batch (" + BATCH_SIZE + ") B may have been sending");
        }
    }

    /** Writes the messages straight into the outbox, due now; returns each one's Message-ID with its key. */
    private Map<String, String> enqueue(String tag, int messages) throws Exception {
        Map<String, String> keyOfMessageId = new HashMap<>();
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                insert into mail_outbox (idempotency_key, kind, to_address, subject, text_body, html_body, state,
                                         next_attempt_at, created_at)
                values (?, 'fault-test', ?, 'Fault test', 'Plain text', '<p>HTML</p>', 'PENDING', ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < messages; i++) {
                String key = "fault-" + tag + ":" + i;
                insert.setString(1, key);
                insert.setString(2, "person" + i + "@faults.example");
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
                keyOfMessageId.put(messageId(key), key);
            }
            insert.executeBatch();
        }
        return keyOfMessageId;
    }

    /** As mail.MimeMessages.messageId makes it, for the default sender address (no-reply@localhost). */
    private static String messageId(String key) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "<convene." + HexFormat.of().formatHex(hash, 0, 20) + "@localhost>";
    }

    private long sent(String tag) throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select count(*) from mail_outbox where state = 'SENT' and idempotency_key"
                     + " like 'fault-" + tag + ":%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private String states(String tag) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection db = connect(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select state, count(*), max(last_error) from mail_outbox where"
                     + " idempotency_key like 'fault-" + tag + ":%' group by state")) {
            while (r.next()) {
                out.append(r.getString(1)).append(' ').append(r.getLong(2))
                        .append(r.getString(3) == null ? "" : " (" + r.getString(3) + ")").append("; ");
            }
        }
        return out.toString();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private void startNode(String name) throws Exception {
        List<String> command = List.of("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar,
                "--server.port=" + ports.get(name),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=convene-" + name,
                "--convene.demo.mode=off",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--convene.mail.poll-interval=500ms",
                "--convene.mail.batch-size=" + BATCH_SIZE,
                "--logging.level.root=warn",
                "--logging.level.org.convene=info");
        nodes.put(name, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/faults-mail-node-" + name + ".log").toFile()))
                .start());
    }

    private void awaitServes(String node) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + node + " did not serve within 5 minutes");
    }

    private void fail(String what) {
        failures++;
        System.out.println("CHECK FAILED: " + what);
    }
}
