package org.convene.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load generator for the live Q&A fan-out (docs/benchmarks.md). Against a running Convene whose embedded
 * PostgreSQL listens on a known port, it seeds a session, voters and tokens, opens N STOMP subscribers to the
 * session's public topic, publishes questions and votes at fixed rates, and records for every question the time
 * from its SEND to the moment the LAST subscriber has it (HdrHistogram), plus losses and frames delivered.
 *
 * Arguments: httpPort dbPort subscribers questionsPerSecond votesPerSecond seconds serverPid
 */
public final class QaFanoutBenchmark {

    private static final String MARKER = QaLoad.MARKER;

    private final int httpPort;
    private final String wsUrl;
    private final String jdbcUrl;
    private final int subscribers;
    private final int questionsPerSecond;
    private final int votesPerSecond;
    private final int seconds;

    private final int maxQuestions;
    private final AtomicLongArray lastReceivedAt;
    private final AtomicLongArray receivedBy;
    private final AtomicLong framesDelivered = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    QaFanoutBenchmark(int httpPort, int dbPort, int subscribers, int questionsPerSecond, int votesPerSecond, int seconds) {
        this.httpPort = httpPort;
        this.wsUrl = "ws://127.0.0.1:" + httpPort + "/ws";
        this.jdbcUrl = BenchSeed.jdbcUrl(dbPort);
        this.subscribers = subscribers;
        this.questionsPerSecond = questionsPerSecond;
        this.votesPerSecond = votesPerSecond;
        this.seconds = seconds;
        this.maxQuestions = questionsPerSecond * seconds + 10;
        this.lastReceivedAt = new AtomicLongArray(maxQuestions);
        this.receivedBy = new AtomicLongArray(maxQuestions);
    }

    public static void main(String[] args) throws Exception {
        QaFanoutBenchmark bench = new QaFanoutBenchmark(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        bench.serverPid = Long.parseLong(args[6]);
        bench.run();
        System.exit(0);
    }

    private long serverPid;

    void run() throws Exception {
        BenchSeed.Seed seed = BenchSeed.seed(jdbcUrl, Math.max(1, votesPerSecond));
        long heapBefore = BenchSeed.serverHeapKb(serverPid);
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build();

        long connectStart = System.nanoTime();
        List<Subscriber> subs = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i += 250) {
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (int j = i; j < Math.min(subscribers, i + 250); j++) {
                Subscriber s = new Subscriber();
                subs.add(s);
                ready.add(s.open(http, seed.sessionId()));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        }
        System.out.printf(Locale.ROOT, "%d subscribers connected and subscribed in %.1f s%n", subscribers,
                (System.nanoTime() - connectStart) / 1e9);
        Thread.sleep(2000);
        long heapConnected = BenchSeed.serverHeapKb(serverPid);
        System.out.printf(Locale.ROOT, "server heap after GC: %,d KB idle, %,d KB with %,d subscribers: %.1f KB per connection%n",
                heapBefore, heapConnected, subscribers, (heapConnected - heapBefore) / (double) subscribers);

        QaLoad load = new QaLoad(http, httpPort, seed, questionsPerSecond, votesPerSecond, seconds, QaLoad.Votes.ALTERNATE, null);
        load.connect();
        Thread.sleep(1000);
        load.start();
        Thread.sleep(seconds * 1000L);
        int questions = load.stop();
        Thread.sleep(5000); // let the last frames arrive

        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        int complete = 0;
        for (int i = 0; i < questions; i++) {
            if (receivedBy.get(i) == subscribers) {
                complete++;
                latency.recordValue(Math.max(0, (lastReceivedAt.get(i) - load.sentAt.get(i)) / 1000));
            }
        }
        long expectedDeliveries = (long) questions * subscribers;
        long delivered = 0;
        for (int i = 0; i < questions; i++) {
            delivered += receivedBy.get(i);
        }
        System.out.println();
        System.out.println("| subscribers | questions/s | votes/s offered | votes acknowledged/s | question to last subscriber p50 / p90 / p99 / max | questions seen by all | deliveries lost | frames/s delivered | gaps | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %,d | %d | %d | %.0f | %.0f / %.0f / %.0f / %.0f ms | %d of %d | %,d of %,d | %,.0f | %d | %d |%n",
                subscribers, questionsPerSecond, votesPerSecond, load.votesAcknowledged.get() / (double) seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                complete, questions, expectedDeliveries - delivered, expectedDeliveries,
                framesDelivered.get() / (double) (seconds + 5), gaps.get(), errors.get() + load.errors.get());
        subs.forEach(Subscriber::close);
        load.close();
    }

    private final class Subscriber extends StompConnection {
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private long lastSeq;

        CompletableFuture<Void> open(HttpClient http, long sessionId) {
            return connect(http, wsUrl, null)
                    .thenCompose(ws -> ws.sendText("SUBSCRIBE\nid:0\ndestination:/topic/sessions." + sessionId
                            + ".questions\nreceipt:s\n\n\0", true))
                    .thenCompose(ws -> subscribed);
        }

        @Override
        void frame(String frame) {
            if (frame.startsWith("RECEIPT")) {
                subscribed.complete(null);
                return;
            }
            if (!frame.startsWith("MESSAGE")) {
                if (frame.startsWith("ERROR")) {
                    errors.incrementAndGet();
                }
                return;
            }
            long now = System.nanoTime();
            framesDelivered.incrementAndGet();
            int seqAt = frame.indexOf("\"seq\":");
            while (seqAt >= 0) {
                long seq = number(frame, seqAt + 6);
                if (lastSeq != 0 && seq != lastSeq + 1) {
                    gaps.incrementAndGet();
                }
                lastSeq = seq;
                seqAt = frame.indexOf("\"seq\":", seqAt + 6);
            }
            int markerAt = frame.indexOf(MARKER);
            while (markerAt >= 0) {
                int n = (int) number(frame, markerAt + MARKER.length());
                if (n < maxQuestions && frame.startsWith("question.created", frame.lastIndexOf("\"type\":\"", markerAt) + 8)) {
                    receivedBy.incrementAndGet(n);
                    lastReceivedAt.accumulateAndGet(n, now, Math::max);
                }
                markerAt = frame.indexOf(MARKER, markerAt + MARKER.length());
            }
        }
    }
}
