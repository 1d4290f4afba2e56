package org.convene.bench;

import org.convene.core.database.EmbeddedPostgresServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults under load (bench/faults.sh, docs/benchmarks.md): two Convene nodes on one PostgreSQL that this program
 * starts from the embedded binaries on a fixed port and data directory, STOMP clients on both nodes asking and
 * voting with a RECEIPT each, and subscribers on both following the public topic. Between phases of load it kills
 * node B with SIGKILL and starts it again, restarts PostgreSQL, and cuts node A's LISTEN connection
 * (pg_terminate_backend). After each phase, with the load paused, it checks that every acknowledged question and
 * vote is in the database and in both nodes' snapshots, that every subscriber, reconnected by itself, shows what
 * the snapshot shows, and counts gaps and duplicates.
 * <p>
 * Arguments: jar httpPortA httpPortB dbPort secondsPerPhase. Exits 1 when a check fails.
 */
public final class QaFaults {

    private static final int ASKERS_PER_NODE = 2;
    private static final int VOTERS_PER_NODE = 4;
    private static final int SUBSCRIBERS_PER_NODE = 3;
    private static final long QUESTION_PERIOD_MS = 500;
    private static final long VOTE_PERIOD_MS = 100;

    private final String jar;
    private final int dbPort;
    private final Path dataDir = Path.of("target/faults-pg/data").toAbsolutePath();
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Process> nodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    private BenchSeed.Seed seed;
    private final List<FaultClients.Publisher> askers = new ArrayList<>();
    private final List<FaultClients.Publisher> voters = new ArrayList<>();
    private final List<Long> voterIds = new ArrayList<>();
    private final List<FaultClients.Subscriber> subscribers = new ArrayList<>();

    private volatile boolean loading;
    private final AtomicLong questionsSent = new AtomicLong();
    private final AtomicLong votesSent = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    /** Receipts by the node that sent them: a node that serves again acknowledges again. */
    private final Map<String, AtomicLong> acksByNode = Map.of("A", new AtomicLong(), "B", new AtomicLong());
    private final Set<String> sentQuestions = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedQuestions = ConcurrentHashMap.newKeySet();
    /** "userId_questionId" of each acknowledged up-vote (no colon: STOMP escapes it in headers). */
    private final Set<String> ackedVotes = ConcurrentHashMap.newKeySet();
    private final Set<String> votesTried = ConcurrentHashMap.newKeySet();
    private volatile List<Long> questionIds = List.of();
    private int failures;

    private QaFaults(String jar, int portA, int portB, int dbPort) {
        this.jar = jar;
        this.dbPort = dbPort;
        this.jdbcUrl = BenchSeed.jdbcUrl(dbPort);
        ports.put("A", portA);
        ports.put("B", portB);
    }

    public static void main(String[] args) throws Exception {
        QaFaults run = new QaFaults(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        int seconds = Integer.parseInt(args[4]);
        try {
            run.start();
            run.phase("no fault", seconds, () -> { });
            run.phase("node B killed (kill -9) and started again", seconds, run::killAndRestartB);
            run.phase("PostgreSQL restarted", seconds, run::restartDatabase);
            run.phase("node A's LISTEN connection cut", seconds, run::cutListenOfA);
        } finally {
            run.nodes.values().forEach(Process::destroy);
            EmbeddedPostgresServer.stop(run.dataDir);
        }
        System.out.println(run.failures == 0 ? "ALL CHECKS PASSED" : run.failures + " CHECKS FAILED");
        System.exit(run.failures == 0 ? 0 : 1);
    }

    private void start() throws Exception {
        EmbeddedPostgresServer.jdbcUrl(dataDir, dbPort, false);
        startNode("A");
        awaitServes("A", null);
        startNode("B");
        seed = BenchSeed.seed(jdbcUrl, 2 * VOTERS_PER_NODE);
        awaitServes("B", seed.sessionId());
        for (String token : seed.voterTokens()) {
            voterIds.add(userOf(token));
        }
        for (int i = 0; i < 2 * ASKERS_PER_NODE; i++) {
            askers.add(publisher(i % 2 == 0 ? "A" : "B", seed.askerToken()));
        }
        for (int i = 0; i < 2 * VOTERS_PER_NODE; i++) {
            voters.add(publisher(i % 2 == 0 ? "A" : "B", seed.voterTokens().get(i)));
        }
        for (int i = 0; i < 2 * SUBSCRIBERS_PER_NODE; i++) {
            String node = i % 2 == 0 ? "A" : "B";
            subscribers.add(new FaultClients.Subscriber(http, port(node), seed.sessionId(), node + (i / 2)));
        }
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        clock.scheduleWithFixedDelay(() -> {
            askers.forEach(FaultClients.Reconnecting::keepConnected);
            voters.forEach(FaultClients.Reconnecting::keepConnected);
            subscribers.forEach(FaultClients.Reconnecting::keepConnected);
        }, 0, 1, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(this::ask, 500, QUESTION_PERIOD_MS, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::vote, 700, VOTE_PERIOD_MS, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::learnQuestions, 1, 1, TimeUnit.SECONDS);
        System.out.printf("Load: %d askers and %d voters (half on each node), %.0f questions/s and %.0f up-votes/s in"
                        + " all; %d subscribers per node%n", askers.size(), voters.size(),
                1000.0 / QUESTION_PERIOD_MS * askers.size(), 1000.0 / VOTE_PERIOD_MS, SUBSCRIBERS_PER_NODE);
    }

    private FaultClients.Publisher publisher(String node, String token) {
        AtomicLong acks = acksByNode.get(node);
        return new FaultClients.Publisher(http, port(node), token, receipt -> {
            acks.incrementAndGet();
            acknowledged(receipt);
        }, refusals::incrementAndGet);
    }

    private void startNode(String name) throws Exception {
        List<String> command = List.of("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar,
                "--server.port=" + port(name),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                // so that pg_stat_activity tells the nodes' connections apart
                "--spring.datasource.hikari.data-source-properties.ApplicationName=convene-" + name,
                "--convene.demo.mode=off",
                "--convene.qa.questions-per-minute=1000000",
                "--convene.qa.votes-per-minute=1000000",
                "--logging.level.root=warn",
                "--logging.level.org.convene=info");
        nodes.put(name, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/faults-node-" + name + ".log").toFile()))
                .start());
    }

    private int port(String node) {
        return ports.get(node);
    }

    /** Until the node answers (the session's snapshot, once there is one); returns the seconds it took. */
    private long awaitServes(String node, Long session) throws Exception {
        long start = System.nanoTime();
        String path = session == null ? "/" : "/api/sessions/" + session + "/questions";
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + node + " did not serve within 5 minutes");
    }

    private void ask() {
        if (!loading) {
            return;
        }
        for (int i = 0; i < askers.size(); i++) {
            String text = "fault-" + i + "-" + System.nanoTime();
            if (askers.get(i).send("/app/sessions." + seed.sessionId() + ".questions", "{\"text\":\"" + text + "\"}",
                    "q-" + text)) {
                sentQuestions.add(text);
                questionsSent.incrementAndGet();
            }
        }
    }

    /** An up-vote by a voter who has not voted on that question yet, so every acknowledged vote is a row. */
    private void vote() {
        List<Long> ids = questionIds;
        if (!loading || ids.isEmpty()) {
            return;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            int v = ThreadLocalRandom.current().nextInt(voters.size());
            long question = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            String key = voterIds.get(v) + "_" + question;
            if (votesTried.add(key)) {
                if (voters.get(v).send("/app/questions." + question + ".vote", "{\"up\":true}", "v-" + key)) {
                    votesSent.incrementAndGet();
                }
                return;
            }
        }
    }

    private void acknowledged(String receipt) {
        if (receipt.startsWith("q-")) {
            ackedQuestions.add(receipt.substring(2));
        } else if (receipt.startsWith("v-")) {
            ackedVotes.add(receipt.substring(2));
        }
    }

    private void learnQuestions() {
        for (String node : List.of("A", "B")) {
            try {
                questionIds = List.copyOf(snapshotOf(node).keySet());
                return;
            } catch (Exception e) {
                // that node is down: the other one
            }
        }
    }

    private Map<Long, Integer> snapshotOf(String node) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
                + "/api/sessions/" + seed.sessionId() + "/questions")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("node " + node + " answered " + response.statusCode());
        }
        return votes(JsonMapper.shared().readTree(response.body()));
    }

    static Map<Long, Integer> votes(JsonNode snapshot) {
        Map<Long, Integer> votes = new HashMap<>();
        for (JsonNode q : snapshot.path("questions")) {
            votes.put(q.path("id").asLong(), q.path("votes").asInt());
        }
        return votes;
    }

    private void phase(String name, int seconds, Fault fault) throws Exception {
        long[] before = {questionsSent.get(), votesSent.get(), ackedQuestions.size(), ackedVotes.size(), refusals.get(),
                acksByNode.get("A").get(), acksByNode.get("B").get()};
        loading = true;
        Thread.sleep(seconds * 500L);
        long faultStart = System.nanoTime();
        fault.inject();
        String faultTook = String.format("%.1f", (System.nanoTime() - faultStart) / 1e9);
        Thread.sleep(seconds * 500L);
        loading = false;
        System.out.printf("%n=== %s (fault and recovery took %s s; load on throughout); %s%n", name, faultTook,
                BenchSeed.run("uptime").trim().replaceFirst(".*load", "load"));
        awaitClientsInStep();
        awaitQuiet(); // the nodes work off what they were sent: the last receipts, frames and vote counts
        System.out.printf("sent: %d questions, %d up-votes; acknowledged: %d questions, %d up-votes (receipts from node"
                        + " A %d, node B %d); refused with an error: %d%n",
                questionsSent.get() - before[0], votesSent.get() - before[1], ackedQuestions.size() - before[2],
                ackedVotes.size() - before[3], acksByNode.get("A").get() - before[5],
                acksByNode.get("B").get() - before[6], refusals.get() - before[4]);
        check();
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private void killAndRestartB() throws Exception {
        Process b = nodes.get("B");
        b.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to its clients or the database
        b.waitFor();
        startNode("B");
        System.out.printf("node B killed; started again, serving after %d s%n", awaitServes("B", seed.sessionId()));
    }

    private void restartDatabase() throws Exception {
        EmbeddedPostgresServer.stop(dataDir);
        Thread.sleep(3000);
        EmbeddedPostgresServer.jdbcUrl(dataDir, dbPort, false);
        System.out.println("PostgreSQL stopped (fast shutdown: every connection cut), down 3 s, started again");
    }

    private void cutListenOfA() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rs = db.createStatement().executeQuery("select pid, pg_terminate_backend(pid) from pg_stat_activity"
                     + " where application_name = 'convene-A' and query ilike 'LISTEN%'")) {
            int cut = 0;
            while (rs.next()) {
                cut++;
            }
            System.out.printf("cut %d LISTEN connection(s) of node A%n", cut);
            if (cut == 0) {
                fail("node A had no LISTEN connection to cut");
            }
        }
    }

    /** Every client connected again and every subscriber in step, within two minutes. */
    private void awaitClientsInStep() throws Exception {
        for (int i = 0; i < 240; i++) {
            boolean all = askers.stream().allMatch(p -> p.connected) && voters.stream().allMatch(p -> p.connected)
                    && subscribers.stream().allMatch(s -> s.view() != null);
            if (all) {
                return;
            }
            Thread.sleep(500);
        }
        fail("not every client was connected and in step two minutes after the fault");
    }

    /**
     * Until the database has not changed for 3 s and every subscriber shows it (at most two minutes): on a busy
     * machine the nodes are still working through the SENDs queued before the load paused.
     */
    private void awaitQuiet() throws Exception {
        String last = "";
        long stableSince = System.nanoTime();
        for (int i = 0; i < 240; i++) {
            Thread.sleep(500);
            String now;
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                 ResultSet rs = db.createStatement().executeQuery("select (select count(*) from question),"
                         + " (select count(*) from question_vote), (select coalesce(max(seq), 0) from qa_event)")) {
                rs.next();
                now = rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
            }
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 3_000_000_000L) {
                Map<Long, Integer> counts = databaseCounts();
                if (subscribers.stream().allMatch(sub -> counts.equals(sub.view()))) {
                    return;
                }
            }
        }
    }

    private Map<Long, Integer> databaseCounts() throws Exception {
        Map<Long, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement s = db.prepareStatement("select q.id, count(v.user_id) from question q left join"
                     + " question_vote v on v.question_id = q.id where q.session_id = ? group by q.id")) {
            s.setLong(1, seed.sessionId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private void check() throws Exception {
        Set<String> dbTexts = new HashSet<>();
        Set<String> dbVotes = new HashSet<>();
        Map<Long, Integer> dbCounts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            try (PreparedStatement s = db.prepareStatement("select id, text from question where session_id = ?")) {
                s.setLong(1, seed.sessionId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        dbTexts.add(rs.getString(2));
                        dbCounts.put(rs.getLong(1), 0);
                    }
                }
            }
            try (PreparedStatement s = db.prepareStatement("select v.user_id, v.question_id from question_vote v"
                    + " join question q on q.id = v.question_id where q.session_id = ?")) {
                s.setLong(1, seed.sessionId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        dbVotes.add(rs.getLong(1) + "_" + rs.getLong(2));
                        dbCounts.merge(rs.getLong(2), 1, Integer::sum);
                    }
                }
            }
        }
        long questionsLost = ackedQuestions.stream().filter(t -> !dbTexts.contains(t)).count();
        long votesLost = ackedVotes.stream().filter(v -> !dbVotes.contains(v)).count();
        long writtenUnacked = sentQuestions.stream().filter(t -> dbTexts.contains(t) && !ackedQuestions.contains(t)).count();
        long votesWrittenUnacked = votesTried.stream().filter(v -> dbVotes.contains(v) && !ackedVotes.contains(v)).count();
        System.out.printf("in the database (all phases so far): %d of %d acknowledged questions, %d of %d acknowledged"
                        + " up-votes; written although their receipt never came: %d questions, %d up-votes%n",
                ackedQuestions.size() - questionsLost, ackedQuestions.size(), ackedVotes.size() - votesLost,
                ackedVotes.size(), writtenUnacked, votesWrittenUnacked);
        if (questionsLost > 0 || votesLost > 0) {
            fail(questionsLost + " acknowledged questions and " + votesLost + " acknowledged up-votes are not in the database");
        }
        for (String node : List.of("A", "B")) {
            Map<Long, Integer> snapshot = snapshotOf(node);
            if (!snapshot.equals(dbCounts)) {
                fail("node " + node + "'s snapshot differs from the database: " + difference(snapshot, dbCounts));
            } else {
                System.out.printf("node %s's snapshot: all %d questions and %d votes, as in the database%n", node,
                        snapshot.size(), snapshot.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
        StringBuilder line = new StringBuilder("subscribers (snapshot loads, gaps, duplicates, reconnects): ");
        for (FaultClients.Subscriber s : subscribers) {
            Map<Long, Integer> view = s.view();
            line.append(String.format("%s %d/%d/%d/%d%s; ", s.name, s.snapshotLoads.getAndSet(0), s.gaps.getAndSet(0),
                    s.duplicates.get(), s.reconnects.getAndSet(0), dbCounts.equals(view) ? "" : " DIFFERS"));
            if (!dbCounts.equals(view)) {
                fail("subscriber " + s.name + " shows " + (view == null ? "nothing (not in step)" : difference(view, dbCounts)));
            }
            if (s.duplicates.getAndSet(0) > 0) {
                fail("subscriber " + s.name + " received a seq twice");
            }
        }
        System.out.println(line);
    }

    private static String difference(Map<Long, Integer> shown, Map<Long, Integer> expected) {
        Set<Long> missing = new HashSet<>(expected.keySet());
        missing.removeAll(shown.keySet());
        Set<Long> extra = new HashSet<>(shown.keySet());
        extra.removeAll(expected.keySet());
        long wrongCounts = expected.keySet().stream().filter(shown::containsKey)
                .filter(id -> !expected.get(id).equals(shown.get(id))).count();
        return missing.size() + " questions missing, " + extra.size() + " extra, " + wrongCounts + " vote counts differ";
    }

    private void fail(String what) {
        failures++;
        System.out.println("CHECK FAILED: " + what);
    }

    private long userOf(String token) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement s = db.prepareStatement("select user_id from api_token where token_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
