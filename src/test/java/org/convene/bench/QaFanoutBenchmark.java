package org.convene.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load generator for the live Q&A fan-out (docs/benchmarks.md). Against a running Convene whose embedded
 * PostgreSQL listens on a known port, it seeds a session, voters and tokens, opens N STOMP subscribers to the
 * session's public topic, publishes questions and votes at fixed rates, and records for every question the time
 * from its SEND to the moment the LAST subscriber has it (HdrHistogram), plus losses and frames delivered.
 *
 * Arguments: httpPort dbPort subscribers questionsPerSecond votesPerSecond seconds serverPid [convene|bare]
 * <p>
 * With "bare" it drives {@link BareStompBroker} instead: no database, no tokens; questions and votes are SENT to
 * /app/bench, which re-broadcasts each one at once as its own frame to /topic/bench.
 * <p>
 * With the system property {@code bench.captionsPerSecond} (Convene only), a captioner also sends caption lines at
 * that rate and every subscriber follows the session's caption topic too ({@link CaptionLoad}).
 */
public final class QaFanoutBenchmark {

    private static final String MARKER = "bench-q-";

    private final String base;
    private final String wsUrl;
    /** With a second node (system property bench.secondPort), every other subscriber connects there. */
    private final @org.jspecify.annotations.Nullable String secondWsUrl = System.getProperty("bench.secondPort") == null ? null
            : "ws://127.0.0.1:" + System.getProperty("bench.secondPort") + "/ws";
    private static final long SECOND_PID = Long.getLong("bench.secondPid", 0L);
    private final String jdbcUrl;
    private final int subscribers;
    private final int questionsPerSecond;
    private final int votesPerSecond;
    private final int seconds;
    private final boolean bare;

    private final int maxQuestions;
    /**
     * Seconds of the same load before the measured {@code seconds} (system property bench.warmup, default 0): the
     * figures are then of a node whose JIT has compiled the write path, as after the first minutes of a plenary.
     * The captions' table (bench.captionsPerSecond) still covers the whole run, warm-up included.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 0);
    private final AtomicLongArray sentAt;
    private final AtomicLongArray lastReceivedAt;
    /** When the first subscriber had each question: the rest of the wait is handing it to all and reading it. */
    private final AtomicLongArray firstReceivedAt;
    private final AtomicLongArray receivedBy;
    /** When each question's RECEIPT (sent once it is committed) came back to the asker. */
    private final AtomicLongArray committedAt;
    private final AtomicLong framesDelivered = new AtomicLong();
    /** Characters of question-topic MESSAGE frames: merged frames grow as subscribers fall behind. */
    private final AtomicLong charsDelivered = new AtomicLong();
    /** Of those characters: the STOMP command and headers, and the events of each kind (the rest is the envelope). */
    private final AtomicLong headerChars = new AtomicLong();
    private final AtomicLong questionEventChars = new AtomicLong();
    private final AtomicLong voteEventChars = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong votesAcknowledged = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Long> questionIds = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The caption lines' part of the load, or null when not asked for. */
    private final @org.jspecify.annotations.Nullable CaptionLoad captions;
    private final AtomicInteger subscriberIndexes = new AtomicInteger();
    /**
     * The subscribers' reader: plain sockets on one selector thread ({@link SocketSubscribers}, the default), or with
     * {@code -Dbench.reader=jdk} the JDK's WebSocket client, as every run before 7 December 2026 used.
     */
    private final @org.jspecify.annotations.Nullable SocketSubscribers sockets;
    /** Where the socket subscribers' blocking handshakes run, a few at a time. */
    private final ExecutorService handshakes = Executors.newFixedThreadPool(8);

    QaFanoutBenchmark(int httpPort, int dbPort, int subscribers, int questionsPerSecond, int votesPerSecond, int seconds,
                      boolean bare) {
        this.bare = bare;
        this.base = "http://127.0.0.1:" + httpPort;
        this.wsUrl = "ws://127.0.0.1:" + httpPort + "/ws";
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
        this.subscribers = subscribers;
        this.questionsPerSecond = questionsPerSecond;
        this.votesPerSecond = votesPerSecond;
        this.seconds = seconds;
        this.maxQuestions = questionsPerSecond * (WARMUP + seconds) + 10;
        this.sentAt = new AtomicLongArray(maxQuestions);
        this.lastReceivedAt = new AtomicLongArray(maxQuestions);
        this.firstReceivedAt = new AtomicLongArray(maxQuestions);
        this.receivedBy = new AtomicLongArray(maxQuestions);
        this.committedAt = new AtomicLongArray(maxQuestions);
        int captionsPerSecond = Integer.getInteger("bench.captionsPerSecond", 0);
        this.captions = captionsPerSecond > 0 && !bare ? new CaptionLoad(captionsPerSecond, WARMUP + seconds, subscribers) : null;
        try {
            this.sockets = System.getProperty("bench.reader", "sockets").equals("jdk") ? null : new SocketSubscribers();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        QaFanoutBenchmark bench = new QaFanoutBenchmark(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                args.length > 7 && args[7].equals("bare"));
        bench.serverPid = Long.parseLong(args[6]);
        bench.run();
        System.exit(0);
    }

    record Seed(long sessionId, String askerToken, List<String> voterTokens,
                @org.jspecify.annotations.Nullable String captionerToken) {
    }

    private long serverPid;

    void run() throws Exception {
        Seed seed = bare ? new Seed(0, null, java.util.Collections.nCopies(Math.max(1, Math.min(votesPerSecond, 50)), (String) null), null)
                : seed(Math.max(1, votesPerSecond));
        sessionIdForRefresh = seed.sessionId();
        long heapBefore = BenchSeed.serverHeapKb(serverPid);
        String histogram = System.getProperty("bench.histogram");
        if (histogram != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(histogram + ".idle"), BenchSeed.run("jcmd", Long.toString(serverPid), "GC.class_histogram"));
        }
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build();

        String connectJfr = System.getProperty("bench.jfrconnect");
        if (connectJfr != null) {
            // who allocates what each connection keeps: jfr print --events jdk.ObjectAllocationSample FILE
            BenchSeed.run("jcmd", Long.toString(serverPid), "JFR.start", "settings=profile", "duration=60s",
                    "filename=" + java.nio.file.Path.of(connectJfr).toAbsolutePath());
        }
        long connectStart = System.nanoTime();
        List<Subscriber> subs = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i += 250) {
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (int j = i; j < Math.min(subscribers, i + 250); j++) {
                Subscriber s = new Subscriber(secondWsUrl != null && j % 2 == 1 ? secondWsUrl : wsUrl);
                subs.add(s);
                ready.add(s.open(http, seed.sessionId()));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        }
        handshakes.shutdown();
        System.out.printf(Locale.ROOT, "%d subscribers connected and subscribed in %.1f s, read by %s%n", subscribers,
                (System.nanoTime() - connectStart) / 1e9,
                sockets == null ? "the JDK's WebSocket client" : "plain sockets on one selector thread");
        Thread.sleep(2000);
        long heapConnected = BenchSeed.serverHeapKb(serverPid);
        if (histogram != null) {
            // what holds the heap per connection: compare with a histogram of the idle server
            java.nio.file.Files.writeString(java.nio.file.Path.of(histogram), BenchSeed.run("jcmd", Long.toString(serverPid), "GC.class_histogram"));
        }
        System.out.printf(Locale.ROOT, "server heap after GC: %,d KB idle, %,d KB with %,d subscribers: %.1f KB per connection%n",
                heapBefore, heapConnected, subscribers, (heapConnected - heapBefore) / (double) subscribers);

        Publisher asker = new Publisher(http, seed.askerToken());
        List<Publisher> voters = new ArrayList<>();
        for (String token : seed.voterTokens()) {
            voters.add(new Publisher(http, token));
        }
        Captioner captioner = captions == null ? null : new Captioner(http, seed.captionerToken());
        Thread.sleep(1000);

        // captions on a thread of their own: each send waits for the socket, and must not hold up the questions
        var scheduler = Executors.newScheduledThreadPool(2);
        String questionDestination = bare ? "/app/bench" : "/app/sessions." + seed.sessionId() + ".questions";
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            // where the server's CPU goes while publishing: jfr print --events jdk.ExecutionSample FILE
            System.out.println(BenchSeed.run("jcmd", Long.toString(serverPid), "JFR.start", "settings=profile",
                    "duration=" + seconds + "s", "filename=" + java.nio.file.Path.of(jfr).toAbsolutePath()).trim());
        }
        AtomicInteger asked = new AtomicInteger();
        long questionPeriod = 1_000_000_000L / questionsPerSecond;
        scheduler.scheduleAtFixedRate(() -> {
            int n = asked.getAndIncrement();
            if (n >= maxQuestions) {
                return;
            }
            sentAt.set(n, System.nanoTime());
            asker.send(questionDestination, "{\"text\":\"" + MARKER + n + "\"}", false);
        }, 0, questionPeriod, TimeUnit.NANOSECONDS);
        AtomicInteger captioned = new AtomicInteger();
        if (captions != null && captioner != null) {
            CaptionLoad load = captions;
            String captionDestination = CaptionLoad.destination(seed.sessionId());
            scheduler.scheduleAtFixedRate(() -> {
                int n = captioned.getAndIncrement();
                if (n >= load.max) {
                    return;
                }
                load.sent(n, System.nanoTime());
                captioner.send(captionDestination, load.body(n), n);
            }, 100_000_000L, 1_000_000_000L / Integer.getInteger("bench.captionsPerSecond"), TimeUnit.NANOSECONDS);
        }
        AtomicInteger voteRound = new AtomicInteger();
        if (votesPerSecond > 0) {
            long votePeriod = 1_000_000_000L / votesPerSecond;
            scheduler.scheduleAtFixedRate(() -> {
                if (bare) {
                    int v = voteRound.getAndIncrement();
                    voters.get(v % voters.size()).send("/app/bench", "{\"vote\":" + Math.max(0, asked.get() - 1) + "}", true);
                    return;
                }
                if (questionIds.isEmpty()) {
                    return;
                }
                int v = voteRound.getAndIncrement();
                Publisher voter = voters.get(v % voters.size());
                long questionId = questionIds.get(ThreadLocalRandom.current().nextInt(questionIds.size()));
                boolean up = (v / voters.size()) % 2 == 0;
                voter.send("/app/questions." + questionId + ".vote", "{\"up\":" + up + "}", true);
            }, 500, votePeriod, TimeUnit.NANOSECONDS);
        }
        if (WARMUP > 0) {
            Thread.sleep(WARMUP * 1000L);
            System.out.printf(Locale.ROOT, "warm-up of %d s done (%d questions); measuring from here%n", WARMUP, asked.get());
        }
        int firstMeasured = Math.min(asked.get(), maxQuestions);
        long votesBefore = votesAcknowledged.get();
        long framesBefore = framesDelivered.get();
        long charsBefore = charsDelivered.get();
        long[] partsBefore = {headerChars.get(), questionEventChars.get(), voteEventChars.get()};
        long[] cpuBefore = serverCpuTicks(serverPid);
        long[] coreBefore = BenchSeed.cpuBusyTotal(0);
        long wallBefore = System.nanoTime();
        // a generator that cannot read as fast as the frames come makes the server's writes wait: say if it is busy
        Duration generatorCpuBefore = generatorCpu();
        // The second half of the run again on its own: the first half includes the JIT compiling the write path
        // on the server's one core, which is a start-up cost, not what a write costs once the node is warm.
        Thread.sleep(seconds * 500L);
        long[] cpuMid = serverCpuTicks(serverPid);
        long wallMid = System.nanoTime();
        long votesMid = votesAcknowledged.get();
        int committedMid = countCommitted();
        Thread.sleep(seconds * 500L);
        scheduler.shutdownNow();
        long[] cpuAfter = serverCpuTicks(serverPid);
        long[] coreAfter = BenchSeed.cpuBusyTotal(0);
        Duration generatorCpuAfter = generatorCpu();
        long wallEnd = System.nanoTime();
        long votesEnd = votesAcknowledged.get();
        int committedEnd = countCommitted();
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        int questions = Math.min(asked.get(), maxQuestions);
        int measured = questions - firstMeasured;
        Thread.sleep(5000); // let the last frames arrive
        long frames = framesDelivered.get() - framesBefore;
        long chars = charsDelivered.get() - charsBefore;
        long headers = headerChars.get() - partsBefore[0];
        long questionEvents = questionEventChars.get() - partsBefore[1];
        long voteEvents = voteEventChars.get() - partsBefore[2];

        Histogram latency = toLastSubscriber(firstMeasured, questions, subscribers);
        int complete = (int) latency.getTotalCount();
        Histogram toFirst = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        for (int i = firstMeasured; i < questions; i++) {
            if (receivedBy.get(i) == subscribers) {
                toFirst.recordValue(Math.max(0, (firstReceivedAt.get(i) - sentAt.get(i)) / 1000));
            }
        }
        System.out.printf(Locale.ROOT, "question SEND to the first subscriber: p50 / p99 %.0f / %.0f ms%n",
                toFirst.getValueAtPercentile(50) / 1000.0, toFirst.getValueAtPercentile(99) / 1000.0);
        Histogram commit = toReceipt(firstMeasured, questions);
        int committed = (int) commit.getTotalCount();
        System.out.printf(Locale.ROOT, "question SEND to its RECEIPT (committed; the bare broker: handled): %d of %d, p50 / p99 %.0f / %.0f ms%n",
                committed, measured, commit.getValueAtPercentile(50) / 1000.0, commit.getValueAtPercentile(99) / 1000.0);
        long expectedDeliveries = (long) measured * subscribers;
        long delivered = 0;
        for (int i = firstMeasured; i < questions; i++) {
            delivered += receivedBy.get(i);
        }
        System.out.println();
        System.out.println("| server | subscribers | questions/s | votes/s offered | votes acknowledged/s | question to last subscriber p50 / p90 / p99 / max | questions seen by all | deliveries lost | frames/s delivered | gaps | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %,d | %d | %d | %.0f | %.0f / %.0f / %.0f / %.0f ms | %d of %d | %,d of %,d | %,.0f | %d | %d |%n",
                bare ? "bare broker" : "Convene", subscribers, questionsPerSecond, votesPerSecond, (votesAcknowledged.get() - votesBefore) / (double) seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                complete, measured, expectedDeliveries - delivered, expectedDeliveries,
                frames / (double) (seconds + 5), gaps.get(), errors.get());
        printByWindow(firstMeasured, questions, questionsPerSecond, subscribers);
        printCore(coreBefore, coreAfter);
        System.out.printf(Locale.ROOT, "of the characters delivered: STOMP command and headers %.1f %%, question events "
                        + "%.1f %%, vote-count events %.1f %%, the rest (envelope, brackets) %.1f %%%n",
                percentOf(headers, chars), percentOf(questionEvents, chars), percentOf(voteEvents, chars),
                100 - percentOf(headers + questionEvents + voteEvents, chars));
        System.out.printf(Locale.ROOT, "question frames delivered: %,.0f KB/s, %,.0f characters each on average; "
                        + "the load generator used %.0f %% of its core while publishing%n",
                chars / 1000.0 / (seconds + 5), chars / (double) Math.max(1, frames),
                generatorCpuAfter.minus(generatorCpuBefore).toNanos() / 1e7 / wallSeconds);
        if (captions != null) {
            System.out.println();
            System.out.print(captions.report(Math.min(captioned.get(), captions.max)));
        }
        double jvmCores = (cpuAfter[0] - cpuBefore[0]) / 100.0 / wallSeconds;
        double dbCores = (cpuAfter[1] - cpuBefore[1]) / 100.0 / wallSeconds;
        long votes = votesAcknowledged.get() - votesBefore;
        System.out.printf(Locale.ROOT, "server CPU while publishing: JVM %.0f %% of a core, its PostgreSQL %.0f %%; "
                        + "%d questions and %d votes acknowledged in %.1f s: %.2f ms of server+DB CPU per write%n",
                jvmCores * 100, dbCores * 100, measured, votes, wallSeconds,
                (jvmCores + dbCores) * wallSeconds * 1000 / Math.max(1, measured + votes));
        double secondHalf = (wallEnd - wallMid) / 1e9;
        double warmCpuSeconds = (cpuAfter[0] - cpuMid[0] + cpuAfter[1] - cpuMid[1]) / 100.0;
        long warmWrites = (votesEnd - votesMid) + (committedEnd - committedMid);
        System.out.printf(Locale.ROOT, "second half only (warm): JVM %.0f %% + PostgreSQL %.0f %% of a core; %d writes "
                        + "acknowledged (%.0f/s): %.2f ms of server+DB CPU per write%n",
                (cpuAfter[0] - cpuMid[0]) / secondHalf, (cpuAfter[1] - cpuMid[1]) / secondHalf, warmWrites,
                warmWrites / secondHalf, warmCpuSeconds * 1000 / Math.max(1, warmWrites));
        subs.forEach(Subscriber::close);
        if (sockets != null) {
            sockets.close();
        }
        asker.close();
        voters.forEach(Publisher::close);
        if (captioner != null) {
            captioner.close();
        }
    }

    private int countCommitted() {
        int committed = 0;
        for (int i = 0; i < committedAt.length(); i++) {
            if (committedAt.get(i) != 0) {
                committed++;
            }
        }
        return committed;
    }

    /** A session running now, an asker and voters with tokens, and a captioner when captions are sent. */
    private Seed seed(int voterCount) throws Exception {
        BenchSeed.Seed seed = BenchSeed.seed(jdbcUrl, voterCount);
        String captioner = captions == null ? null : BenchSeed.captioner(jdbcUrl, seed.sessionId());
        return new Seed(seed.sessionId(), seed.askerToken(), seed.voterTokens(), captioner);
    }

    private final class Subscriber extends StompConnection {
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final int index = subscriberIndexes.getAndIncrement();
        private long lastSeq;
        private String captionFrames = "";
        private final String url;

        Subscriber(String url) {
            this.url = url;
        }

        CompletableFuture<Void> open(HttpClient http, long sessionId) {
            String topic = bare ? "/topic/bench" : "/topic/sessions." + sessionId + ".questions";
            if (captions != null) {
                captionFrames = "MESSAGE\ndestination:" + CaptionLoad.topic(sessionId) + "\n";
            }
            // the connection's frames are handled in order: the questions' receipt follows the captions' subscription
            List<String> subscriptions = new ArrayList<>();
            if (captions != null) {
                subscriptions.add("SUBSCRIBE\nid:1\ndestination:" + CaptionLoad.topic(sessionId) + "\n\n\0");
            }
            subscriptions.add("SUBSCRIBE\nid:0\ndestination:" + topic + "\nreceipt:s\n\n\0");
            if (sockets != null) {
                List<String> frames = new ArrayList<>();
                frames.add(StompConnection.connectFrame(null));
                frames.addAll(subscriptions);
                SocketSubscribers readers = sockets;
                return CompletableFuture.runAsync(() -> {
                    try {
                        readers.open(URI.create(url), frames, this::frame);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, handshakes).thenCompose(opened -> subscribed);
            }
            CompletableFuture<java.net.http.WebSocket> sent = connect(http, url, null);
            for (String subscription : subscriptions) {
                sent = sent.thenCompose(ws -> ws.sendText(subscription, true));
            }
            return sent.thenCompose(ws -> subscribed);
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
            CaptionLoad load = captions;
            if (load != null && frame.startsWith(captionFrames)) {
                load.received(index, frame, now);
                return;
            }
            framesDelivered.incrementAndGet();
            charsDelivered.addAndGet(frame.length());
            headerChars.addAndGet(frame.indexOf("\n\n") + 2);
            int seqAt = frame.indexOf("\"seq\":");
            while (seqAt >= 0) {
                long seq = number(frame, seqAt + 6);
                if (lastSeq != 0 && seq != lastSeq + 1) {
                    gaps.incrementAndGet();
                }
                lastSeq = seq;
                int next = frame.indexOf("\"seq\":", seqAt + 6);
                countEvent(frame, seqAt, next < 0 ? frame.length() - 1 : next - 1); // the length of "{...}"
                seqAt = next;
            }
            int markerAt = frame.indexOf(MARKER);
            while (markerAt >= 0) {
                int n = (int) number(frame, markerAt + MARKER.length());
                if (n < maxQuestions && frame.startsWith("question.created", frame.lastIndexOf("\"type\":\"", markerAt) + 8)) {
                    receivedBy.incrementAndGet(n);
                    lastReceivedAt.accumulateAndGet(n, now, Math::max);
                    firstReceivedAt.accumulateAndGet(n, now, (first, at) -> first == 0 ? at : Math.min(first, at));
                }
                markerAt = frame.indexOf(MARKER, markerAt + MARKER.length());
            }
        }
    }

    /** Sends questions or votes; learns question ids from its own error-free receipts via the snapshot. */
    private final class Publisher extends StompConnection {
        private final AtomicInteger receipts = new AtomicInteger();

        Publisher(HttpClient http, String token) throws Exception {
            connect(http, wsUrl, token).get(30, TimeUnit.SECONDS);
            if (bare) {
                return;
            }
            socket.sendText("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\0", true).get(30, TimeUnit.SECONDS);
        }

        void send(String destination, String json, boolean vote) {
            int receipt = receipts.incrementAndGet();
            synchronized (this) {
                socket.sendText("SEND\ndestination:" + destination + "\ncontent-type:application/json\nreceipt:"
                        + (vote ? "v" : "q") + receipt + "\n\n" + json + "\0", true).join();
            }
        }

        @Override
        void frame(String frame) {
            if (frame.startsWith("RECEIPT")) {
                if (frame.contains("receipt-id:v")) {
                    votesAcknowledged.incrementAndGet();
                    return;
                }
                int at = frame.indexOf("receipt-id:q");
                if (at >= 0) {
                    // the asker sends only questions, so its n-th receipt is question n - 1
                    int n = (int) StompConnection.number(frame, at + 12) - 1;
                    if (n >= 0 && n < maxQuestions) {
                        committedAt.set(n, System.nanoTime());
                    }
                }
                if (bare) {
                    return;
                } else if (questionIds.size() < 50 || ThreadLocalRandom.current().nextInt(10) == 0) {
                    refreshQuestionIds();
                }
            } else if (frame.startsWith("MESSAGE") || frame.startsWith("ERROR")) {
                errors.incrementAndGet();
            }
        }
    }

    /** Sends caption lines; learns from its receipts when each was stored. */
    private final class Captioner extends StompConnection {

        Captioner(HttpClient http, String token) throws Exception {
            connect(http, wsUrl, token).get(30, TimeUnit.SECONDS);
            socket.sendText("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\0", true).get(30, TimeUnit.SECONDS);
        }

        void send(String destination, String json, int n) {
            synchronized (this) {
                socket.sendText("SEND\ndestination:" + destination + "\ncontent-type:application/json\nreceipt:c" + n
                        + "\n\n" + json + "\0", true).join();
            }
        }

        @Override
        void frame(String frame) {
            int at = frame.indexOf("receipt-id:c");
            CaptionLoad load = captions;
            if (frame.startsWith("RECEIPT") && at >= 0 && load != null) {
                load.committed((int) StompConnection.number(frame, at + 12), System.nanoTime());
                return;
            }
            // a refusal on /user/queue/errors names the SEND by its receipt: {"code":"RATE_LIMITED",...,"receiptId":"c12"}
            int receipt = frame.indexOf("\"receiptId\":\"c");
            int code = frame.indexOf("\"code\":\"");
            if (frame.startsWith("MESSAGE") && load != null && receipt >= 0 && code >= 0) {
                load.refused((int) StompConnection.number(frame, receipt + 14),
                        frame.substring(code + 8, frame.indexOf('"', code + 8)));
            } else if (frame.startsWith("MESSAGE") || frame.startsWith("ERROR")) {
                errors.incrementAndGet();
            }
        }
    }

    private final AtomicLong lastRefresh = new AtomicLong();

    private void refreshQuestionIds() {
        long now = System.nanoTime();
        long previous = lastRefresh.get();
        if (now - previous < 1_000_000_000L || !lastRefresh.compareAndSet(previous, now)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/"
                        + sessionIdForRefresh + "/questions")).build(), HttpResponse.BodyHandlers.ofString()).body();
                List<Long> ids = new ArrayList<>();
                int at = body.indexOf("{\"id\":");
                while (at >= 0) {
                    ids.add(StompConnection.number(body, at + 6));
                    at = body.indexOf("{\"id\":", at + 6);
                }
                synchronized (questionIds) {
                    questionIds.clear();
                    questionIds.addAll(ids);
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        });
    }

    private volatile long sessionIdForRefresh;

    /** This load generator's own CPU, user and system, so far. */
    private static Duration generatorCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU ticks (1/100 s) used so far by the server JVM [0] and by its PostgreSQL [1]: the postmaster named in the
     * data directory's postmaster.pid (system property bench.pgdata) and its backends. PostgreSQL is not a child
     * of the JVM (pg_ctl detaches it).
     */
    private static long[] serverCpuTicks(long pid) {
        long jvm = ticks(pid) + (SECOND_PID == 0 ? 0 : ticks(SECOND_PID));
        long db = 0;
        try {
            String dataDir = System.getProperty("bench.pgdata");
            if (dataDir != null) {
                long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(java.nio.file.Path.of(dataDir, "postmaster.pid")).getFirst().trim());
                db = ticks(postmaster) + ProcessHandle.of(postmaster).map(p -> p.descendants().mapToLong(d -> ticks(d.pid())).sum()).orElse(0L);
            }
        } catch (Exception e) {
            db = -1;
        }
        return new long[]{jvm, db};
    }

    private static long ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * The tail ten seconds at a time: a cold node's first minute is a warm-up curve, and one figure for the minute
     * cannot tell a shorter warm-up from a stall (a commit that waited shows in its window's RECEIPT p99).
     */
    private void printByWindow(int first, int questions, int questionsPerSecond, int subscribers) {
        int perWindow = 10 * questionsPerSecond;
        StringBuilder line = new StringBuilder("by 10 s of the run, question to last subscriber p99 (SEND to RECEIPT p99), ms:");
        for (int start = first; start < questions; start += perWindow) {
            int end = Math.min(questions, start + perWindow);
            Histogram toLast = toLastSubscriber(start, end, subscribers);
            Histogram commit = toReceipt(start, end);
            line.append(String.format(Locale.ROOT, " %.0f (%.0f)", toLast.getValueAtPercentile(99) / 1000.0,
                    commit.getValueAtPercentile(99) / 1000.0));
        }
        System.out.println(line);
    }

    /** SEND to the last subscriber, in µs, of the questions numbered from {@code from} up to {@code to} that everyone got. */
    private Histogram toLastSubscriber(int from, int to, int subscribers) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        for (int i = from; i < to; i++) {
            if (receivedBy.get(i) == subscribers) {
                histogram.recordValue(Math.max(0, (lastReceivedAt.get(i) - sentAt.get(i)) / 1000));
            }
        }
        return histogram;
    }

    /** SEND to RECEIPT, in µs, of the questions numbered from {@code from} up to {@code to} that were committed. */
    private Histogram toReceipt(int from, int to) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        for (int i = from; i < to; i++) {
            if (committedAt.get(i) != 0) {
                histogram.recordValue(Math.max(0, (committedAt.get(i) - sentAt.get(i)) / 1000));
            }
        }
        return histogram;
    }

    /** How busy the server's core was, and how much of it the host took for other guests (a noisy neighbour). */
    private static void printCore(long[] before, long[] after) {
        double[] use = BenchSeed.busyAndStolenPercent(before, after);
        System.out.printf(Locale.ROOT, "core 0 (the server's) while publishing: busy %.0f %%, stolen by the host %.1f %%%n",
                use[0], use[1]);
    }

    /** Adds one event's characters, its braces included ({@code seqAt} is just inside them), to its kind's count. */
    private void countEvent(String frame, int seqAt, int end) {
        int typeAt = frame.indexOf("\"type\":\"", seqAt) + 8;
        if (frame.startsWith("votes.", typeAt)) {
            voteEventChars.addAndGet(end - seqAt);
        } else if (frame.startsWith("question.", typeAt)) {
            questionEventChars.addAndGet(end - seqAt);
        }
    }

    private static double percentOf(long part, long whole) {
        return 100.0 * part / Math.max(1, whole);
    }
}
