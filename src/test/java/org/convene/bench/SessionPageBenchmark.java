package org.convene.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Load generator for the session page under load (docs/benchmarks.md, "Session page under load"). Against a
 * running Convene whose embedded PostgreSQL listens on a known port, it seeds a running session, opens N session
 * pages as real Vaadin UIs with push through the headless {@link VaadinPage} client (no browser), asks questions
 * and up-votes over STOMP at fixed rates ({@link QaLoad}), and records:
 * <ul>
 * <li>for every question, the time from its SEND to the moment the LAST page has it in its list (HdrHistogram),
 * and every (page, question) pair that has not arrived 15 s after the last question: lost;</li>
 * <li>vote staleness: for every acknowledged up-vote, how long until each page's count for that question is at
 * least as high as the acknowledged votes make it;</li>
 * <li>the server's heap after a full GC before and after the pages are opened (and at the end), per UI;</li>
 * <li>the CPU (user + system) of the server JVM and its PostgreSQL while questions are asked, in cores.</li>
 * </ul>
 * Arguments: httpPort dbPort pages questionsPerSecond votesPerSecond seconds serverPid [signedInShare=0]
 * [warmupSeconds=0]. With a warm-up the same load runs that long first and the figures are of the {@code seconds}
 * after it, as on a node that has already served a day of sessions; the warm-up's own figures are printed too.
 */
public final class SessionPageBenchmark implements VaadinPage.Watcher {

    /** After the last question, how long a page may take to show it before it counts as lost. */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int OPENING_AT_ONCE = 16;

    private final int httpPort;
    private final int dbPort;
    private final int pages;
    private final int questionsPerSecond;
    private final int votesPerSecond;
    private final int seconds;
    private final long serverPid;
    private final double signedInShare;
    private final int warmup;
    private final int maxQuestions;

    private final long t0 = System.nanoTime();
    /** Per page and question: when the question arrived (ns since t0, 0 = not yet). */
    private final long[][] arrivedAt;
    private final AtomicLongArray receivedBy;
    private final AtomicLongArray lastReceivedAt;
    /** Per page and question: every vote count shown, as (µs since t0) << 20 | count, in order. */
    private final long[][][] voteHistory;
    private final int[][] voteHistoryLength;
    /** Per page and question: each time it came into the list or left it, as (µs since t0) << 1 | listed. */
    private final long[][][] listedHistory;
    private final int[][] listedHistoryLength;
    /** Acknowledged votes: marker, the count they make at least, µs since t0. */
    private final List<long[]> voteSamples = new ArrayList<>();

    SessionPageBenchmark(int httpPort, int dbPort, int pages, int questionsPerSecond, int votesPerSecond, int seconds,
                         long serverPid, double signedInShare, int warmup) {
        this.httpPort = httpPort;
        this.dbPort = dbPort;
        this.pages = pages;
        this.questionsPerSecond = questionsPerSecond;
        this.votesPerSecond = votesPerSecond;
        this.seconds = seconds;
        this.serverPid = serverPid;
        this.signedInShare = signedInShare;
        this.warmup = warmup;
        this.maxQuestions = questionsPerSecond * (warmup + seconds) + 10;
        this.arrivedAt = new long[pages][maxQuestions];
        this.receivedBy = new AtomicLongArray(maxQuestions);
        this.lastReceivedAt = new AtomicLongArray(maxQuestions);
        this.voteHistory = new long[pages][maxQuestions][];
        this.voteHistoryLength = new int[pages][maxQuestions];
        this.listedHistory = new long[pages][maxQuestions][];
        this.listedHistoryLength = new int[pages][maxQuestions];
    }

    public static void main(String[] args) throws Exception {
        SessionPageBenchmark bench = new SessionPageBenchmark(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                Long.parseLong(args[6]), args.length > 7 ? Double.parseDouble(args[7]) : 0,
                args.length > 8 ? Integer.parseInt(args[8]) : 0);
        bench.run();
        System.exit(0);
    }

    @Override
    public void question(VaadinPage page, int marker, long nanos) {
        if (marker >= maxQuestions) {
            return;
        }
        arrivedAt[page.index][marker] = Math.max(1, nanos - t0);
        receivedBy.incrementAndGet(marker);
        lastReceivedAt.accumulateAndGet(marker, nanos, Math::max);
    }

    @Override
    public void votes(VaadinPage page, int marker, int count, long nanos) {
        if (marker >= maxQuestions) {
            return;
        }
        long[] history = voteHistory[page.index][marker];
        int length = voteHistoryLength[page.index][marker];
        if (length > 0 && (history[length - 1] & 0xFFFFF) == count) {
            return;
        }
        append(voteHistory[page.index], voteHistoryLength[page.index], marker,
                ((nanos - t0) / 1000) << 20 | Math.min(count, 0xFFFFF));
    }

    @Override
    public void listed(VaadinPage page, int marker, boolean listed, long nanos) {
        if (marker >= maxQuestions) {
            return;
        }
        append(listedHistory[page.index], listedHistoryLength[page.index], marker,
                ((nanos - t0) / 1000) << 1 | (listed ? 1 : 0));
    }

    /** Adds an entry to one page's history of one question, growing it as needed. */
    private static void append(long[][] histories, int[] lengths, int marker, long entry) {
        long[] history = histories[marker];
        int length = lengths[marker];
        if (history == null || length == history.length) {
            history = history == null ? new long[4] : Arrays.copyOf(history, length * 2);
            histories[marker] = history;
        }
        history[length] = entry;
        lengths[marker] = length + 1;
    }

    /** How long (page, vote) pairs took from the vote's acknowledgement until the page showed its count. */
    private static final class Staleness {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        long pairs;
        long neverShown;
        long within2s;

        /** @param shownAt when the page first showed the count (µs since t0), or -1 */
        void record(long shownAt, long acknowledgedAt) {
            pairs++;
            if (shownAt < 0) {
                neverShown++;
                return;
            }
            long staleness = Math.max(0, shownAt - acknowledgedAt);
            histogram.recordValue(staleness);
            if (staleness <= 2_000_000) {
                within2s++;
            }
        }

        double within2sPercent() {
            return pairs == 0 ? 0 : 100.0 * within2s / pairs;
        }

        /** One line for the pairs whose question the page listed {@code when}, out of all pairs. */
        void report(String when, Staleness all) {
            System.out.printf(Locale.ROOT, "vote staleness, pairs whose question the page %s (%.1f %% of pairs): p50 %s, "
                            + "p99 %s, max %s, within 2 s %.1f %%, never shown %,d%n", when,
                    all.pairs == 0 ? 0 : 100.0 * pairs / all.pairs, ms(histogram, 50), ms(histogram, 99),
                    ms(histogram, 100), within2sPercent(), neverShown);
        }
    }

    /** Whether the page listed the question at this moment (µs since t0): a page shows no count for one it does not. */
    private static boolean listedAt(long[] history, int length, long micros) {
        boolean listed = false;
        for (int i = 0; i < length && history[i] >>> 1 <= micros; i++) {
            listed = (history[i] & 1) == 1;
        }
        return listed;
    }

    /** Whether the page listed the question from {@code from} until {@code until} (µs since t0) without a break. */
    private static boolean listedThrough(long[] history, int length, long from, long until) {
        for (int i = 0; i < length && history[i] >>> 1 <= until; i++) {
            if (history[i] >>> 1 > from && (history[i] & 1) == 0) {
                return false;
            }
        }
        return true;
    }

    void run() throws Exception {
        String base = "http://127.0.0.1:" + httpPort;
        String jdbcUrl = BenchSeed.jdbcUrl(dbPort);
        // up-votes only, each by a voter new to the question, so every acknowledged vote's count is known
        BenchSeed.Seed seed = BenchSeed.seed(jdbcUrl, Math.max(20, votesPerSecond * 5));
        int signedIn = (int) Math.round(pages * signedInShare);
        List<BenchSeed.Account> readers = signedIn > 0 ? BenchSeed.users(jdbcUrl, "reader", signedIn) : List.of();
        String route = "sessions/" + seed.sessionId();

        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(60)).build();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        long heapBefore = BenchSeed.serverHeapKb(serverPid);

        // ---- open the pages, a few at a time, as people arriving would
        long openStart = System.nanoTime();
        List<VaadinPage> open = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            opening.acquire();
            VaadinPage page = new VaadinPage(i, http, base, route, this);
            CompletableFuture<Void> opened = i < signedIn
                    ? page.signIn(readers.get(i).email(), BenchSeed.PASSWORD).thenCompose(x -> page.open(timer))
                    : page.open(timer);
            all.add(opened.orTimeout(180, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
                opening.release();
                if (failure != null) {
                    if (failed.incrementAndGet() <= 3) {
                        System.out.println("a page failed to open: " + failure);
                    }
                    page.close();
                } else {
                    synchronized (open) {
                        open.add(page);
                    }
                }
            }));
            if ((i + 1) % 250 == 0) {
                System.out.printf(Locale.ROOT, "  %d pages asked for in %.1f s%n", i + 1, (System.nanoTime() - openStart) / 1e9);
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(x -> null).get(10, TimeUnit.MINUTES);
        int openPages = open.size();
        System.out.printf(Locale.ROOT, "%d of %d session pages open (%d signed in) in %.1f s; %d failed; %d UIs came with their "
                + "index.html (eager server load), the others from a v-r=init request%n", openPages, pages,
                signedIn, (System.nanoTime() - openStart) / 1e9, failed.get(), VaadinPage.bootstrappedFromPage.get());
        Thread.sleep(3000);
        long heapOpen = BenchSeed.serverHeapKb(serverPid);
        System.out.printf(Locale.ROOT, "server heap after GC: %,d KB before, %,d KB with %,d pages open: %.1f KB per UI%n",
                heapBefore, heapOpen, openPages, (heapOpen - heapBefore) / (double) Math.max(1, openPages));

        // ---- a facilitator's moderation page, acting every two seconds while the questions come in
        BenchSeed.Account facilitator = BenchSeed.users(jdbcUrl, "facilitator", 1, "FACILITATOR").getFirst();
        BenchSeed.facilitate(jdbcUrl, seed.sessionId(), facilitator);
        ModerationProbe moderation = new ModerationProbe(http, base, seed.sessionId());
        moderation.open(facilitator, timer).get(180, TimeUnit.SECONDS);

        // ---- ask and vote over STOMP
        QaLoad load = new QaLoad(http, httpPort, seed, questionsPerSecond, votesPerSecond, warmup + seconds, QaLoad.Votes.FRESH_UP,
                (marker, countAtLeast, ackNanos) -> {
                    synchronized (voteSamples) {
                        voteSamples.add(new long[] {marker, countAtLeast, (ackNanos - t0) / 1000});
                    }
                });
        load.connect();
        Thread.sleep(1000);
        long loadStart = System.nanoTime();
        load.start();
        moderation.start(timer);
        if (warmup > 0) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            System.out.printf(Locale.ROOT, "  warm-up of %d s done; measuring from here%n", warmup);
        }
        // without a warm-up the first question, sent as the load starts, is measured too
        long measureStart = warmup > 0 ? System.nanoTime() : loadStart;
        long votesBefore = load.votesAcknowledged.get();
        moderation.measureFrom(measureStart);
        long cpuStart = BenchSeed.cpuTicks(serverPid, dbPort);
        long[] core0Start = BenchSeed.cpuBusyTotal(0);
        long ownCpuStart = ownCpuNanos();
        long messagesStart = VaadinPage.messages.get();
        long charactersStart = VaadinPage.characters.get();
        long loadUntil = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = loadUntil - System.nanoTime(); left > 0; left = loadUntil - System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(10_000, left / 1_000_000)));
            progress(load, openPages, loadStart);
        }
        int questions = load.stop();
        long loadEnd = System.nanoTime();
        long cpuEnd = BenchSeed.cpuTicks(serverPid, dbPort);
        long[] core0End = BenchSeed.cpuBusyTotal(0);
        long ownCpuEnd = ownCpuNanos();
        long messagesEnd = VaadinPage.messages.get();
        long charactersEnd = VaadinPage.characters.get();
        double window = (loadEnd - measureStart) / 1e9;

        // ---- wait for the last question to reach every page, at most the deadline
        long lastSent = load.sentAt.get(questions - 1);
        while (System.nanoTime() - lastSent < DEADLINE_NANOS && !everyPageHasEverything(questions, openPages)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // the last vote counts
        open.forEach(VaadinPage::giveUpWaiting);
        long heapEnd = BenchSeed.serverHeapKb(serverPid);

        // ---- questions: to the last page, and every page's own
        Histogram toLast = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        Histogram toEach = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        // the first page splits the latency: before it, the server's path to its first push; after it, the wave
        Histogram toFirst = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        Histogram spread = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        int complete = 0;
        long delivered = 0;
        int firstMeasured = 0;
        while (firstMeasured < questions && load.sentAt.get(firstMeasured) < measureStart) {
            firstMeasured++;
        }
        Histogram warmupToLast = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        for (int q = 0; q < firstMeasured; q++) {
            if (receivedBy.get(q) >= openPages) {
                warmupToLast.recordValue(Math.max(0, (lastReceivedAt.get(q) - load.sentAt.get(q)) / 1000));
            }
        }
        for (int q = firstMeasured; q < questions; q++) {
            long sent = load.sentAt.get(q) - t0;
            delivered += receivedBy.get(q);
            if (receivedBy.get(q) >= openPages) {
                complete++;
                toLast.recordValue(Math.max(0, (lastReceivedAt.get(q) - t0 - sent) / 1000));
            }
            long first = Long.MAX_VALUE;
            for (VaadinPage page : open) {
                long at = arrivedAt[page.index][q];
                if (at > 0) {
                    toEach.recordValue(Math.max(0, (at - sent) / 1000));
                    first = Math.min(first, at);
                }
            }
            if (first != Long.MAX_VALUE) {
                toFirst.recordValue(Math.max(0, (first - sent) / 1000));
                if (receivedBy.get(q) >= openPages) {
                    spread.recordValue(Math.max(0, (lastReceivedAt.get(q) - t0 - first) / 1000));
                }
            }
        }
        long expected = (long) (questions - firstMeasured) * openPages;

        // ---- votes: from each acknowledgement to each page showing at least that count
        // every pair, and apart from them the pairs whose question the page listed when the vote was acknowledged,
        // and those whose question it listed for all of the 2 s after: the generator votes on the newest questions,
        // which can leave a page's list (the top 20 and the five newest) and come back, and a page shows no count
        // for a question it does not list
        Staleness everyPair = new Staleness();
        Staleness listedPairs = new Staleness();
        Staleness stayedListedPairs = new Staleness();
        List<long[]> samples;
        synchronized (voteSamples) {
            samples = List.copyOf(voteSamples);
        }
        for (long[] sample : samples) {
            int marker = (int) sample[0];
            if (marker >= maxQuestions || sample[2] < (measureStart - t0) / 1000) {
                continue;
            }
            for (VaadinPage page : open) {
                long shownAt;
                boolean listed;
                boolean stayedListed;
                synchronized (page) {
                    shownAt = firstShown(voteHistory[page.index][marker], voteHistoryLength[page.index][marker], sample[1]);
                    long[] listings = listedHistory[page.index][marker];
                    int length = listedHistoryLength[page.index][marker];
                    listed = listedAt(listings, length, sample[2]);
                    stayedListed = listed && listedThrough(listings, length, sample[2], sample[2] + 2_000_000);
                }
                everyPair.record(shownAt, sample[2]);
                if (listed) {
                    listedPairs.record(shownAt, sample[2]);
                }
                if (stayedListed) {
                    stayedListedPairs.record(shownAt, sample[2]);
                }
            }
        }

        long measuredVotes = load.votesAcknowledged.get() - votesBefore;
        double serverCores = (cpuEnd - cpuStart) / 100.0 / window;
        double ownCores = (ownCpuEnd - ownCpuStart) / 1e9 / window;
        double heapPerUi = (heapOpen - heapBefore) / (double) Math.max(1, openPages);
        double heapPerUiEnd = (heapEnd - heapBefore) / (double) Math.max(1, openPages);
        System.out.printf(Locale.ROOT, "questions asked %d, votes acknowledged %d (%.1f/s), UIDL messages applied %,d (%.0f/s, %.1f MB/s), "
                        + "polls %,d, page errors %d, out-of-order stalls %d, push sockets closed %d, STOMP errors %d%n",
                questions - firstMeasured, measuredVotes, measuredVotes / window, messagesEnd - messagesStart,
                (messagesEnd - messagesStart) / window, (charactersEnd - charactersStart) / 1e6 / window, VaadinPage.polls.get(), VaadinPage.errors.get(),
                VaadinPage.outOfOrder.get(), VaadinPage.closedSockets.get(), load.errors.get());
        System.out.printf(Locale.ROOT, "question to each page: p50 %s, p99 %s, max %s; load generator used %.2f cores%n",
                ms(toEach, 50), ms(toEach, 99), ms(toEach, 100), ownCores);
        System.out.printf(Locale.ROOT, "question to the FIRST page: p50 %s, p99 %s; first page to last: p50 %s, p99 %s%n",
                ms(toFirst, 50), ms(toFirst, 99), ms(spread, 50), ms(spread, 99));
        System.out.println("slowest questions to the last page (number in the run: ms): "
                + slowest(firstMeasured, questions, openPages, load));
        if (firstMeasured > 0) {
            System.out.printf(Locale.ROOT, "warm-up (not in the figures): %d questions, to the last page p50 %s, p99 %s, max %s; "
                            + "slowest (number: ms) %s; moderation p50 %s, max %s over %d actions%n", firstMeasured,
                    ms(warmupToLast, 50), ms(warmupToLast, 99), ms(warmupToLast, 100), slowest(0, firstMeasured, openPages, load),
                    ms(moderation.warmupLatency, 50), ms(moderation.warmupLatency, 100), moderation.warmupLatency.getTotalCount());
        }
        double[] core0 = BenchSeed.busyAndStolenPercent(core0Start, core0End);
        System.out.printf(Locale.ROOT, "core 0 (the server's) was busy %.0f %% of the time, the server and its PostgreSQL "
                        + "%.0f %% (the rest is other processes on the machine); stolen by the host %.1f %%%n",
                core0[0], 100 * serverCores, core0[1]);
        System.out.printf(Locale.ROOT, "moderation page, click to its own result: p50 %s, p99 %s, max %s over %d actions, %d not shown within 10 s%n",
                ms(moderation.latency, 50), ms(moderation.latency, 99), ms(moderation.latency, 100),
                moderation.latency.getTotalCount(), moderation.missed.get());
        listedPairs.report("listed at the acknowledgement", everyPair);
        stayedListedPairs.report("listed from the acknowledgement until 2 s after it", everyPair);
        System.out.println("slowest moderation actions (number in the run: ms): " + moderation.slowest());
        System.out.printf(Locale.ROOT, "server heap after GC at the end, with %d questions on %d pages: %,d KB, %.1f KB per UI%n",
                questions, openPages, heapEnd, heapPerUiEnd);
        System.out.println();
        System.out.println("| pages (signed in) | questions/s | votes/s (acknowledged) | question to last page p50 / p90 / p99 / max "
                + "| question to each page p50 / p99 | questions on every page | lost (page, question) | vote staleness p50 / p99 / max, within 2 s | "
                + "heap per UI (idle / at end) | server CPU | moderation action to its result p50 / p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %,d (%d) | %d | %d (%.1f) | %s / %s / %s / %s | %s / %s | %d of %d | %,d of %,d | %s / %s / %s, %.1f %% | "
                        + "%.0f / %.0f KB | %.2f cores | %s / %s |%n",
                openPages, signedIn, questionsPerSecond, votesPerSecond, measuredVotes / window,
                ms(toLast, 50), ms(toLast, 90), ms(toLast, 99), ms(toLast, 100), ms(toEach, 50), ms(toEach, 99), complete,
                questions - firstMeasured,
                expected - delivered, expected, ms(everyPair.histogram, 50), ms(everyPair.histogram, 99),
                ms(everyPair.histogram, 100), everyPair.within2sPercent(), heapPerUi, heapPerUiEnd, serverCores,
                ms(moderation.latency, 50), ms(moderation.latency, 99));
        if (failed.get() > 0 || everyPair.neverShown > 0) {
            System.out.printf(Locale.ROOT, "(%d pages failed to open; %,d of %,d (page, vote) pairs never showed the count)%n",
                    failed.get(), everyPair.neverShown, everyPair.pairs);
        }
        timer.shutdownNow();
        open.forEach(VaadinPage::close);
        moderation.close();
        load.close();
    }

    private boolean everyPageHasEverything(int questions, int openPages) {
        for (int q = 0; q < questions; q++) {
            if (receivedBy.get(q) < openPages) {
                return false;
            }
        }
        return true;
    }

    /** When (µs since t0) a page first showed at least this count, or -1. */
    private static long firstShown(long[] history, int length, long count) {
        for (int i = 0; i < length; i++) {
            if ((history[i] & 0xFFFFF) >= count) {
                return history[i] >>> 20;
            }
        }
        return -1;
    }

    private void progress(QaLoad load, int openPages, long loadStart) {
        long seen = 0;
        int asked = 0;
        for (int q = 0; q < maxQuestions; q++) {
            seen += receivedBy.get(q);
            if (load.sentAt.get(q) != 0) {
                asked++;
            }
        }
        System.out.printf(Locale.ROOT, "  %3.0f s: %d questions asked, %.1f %% of (page, question) pairs arrived, %,d votes acknowledged, "
                        + "%,d UIDL messages%n", (System.nanoTime() - loadStart) / 1e9, asked,
                asked == 0 ? 0 : 100.0 * seen / ((double) asked * openPages), load.votesAcknowledged.get(), VaadinPage.messages.get());
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The three questions that took longest to reach every page: whether the tail is the warm-up or spread out. */
    private String slowest(int from, int to, int openPages, QaLoad load) {
        List<long[]> times = new ArrayList<>();
        for (int q = from; q < to; q++) {
            if (receivedBy.get(q) >= openPages) {
                times.add(new long[] {q + 1, (lastReceivedAt.get(q) - load.sentAt.get(q)) / 1_000_000});
            }
        }
        times.sort((a, b) -> Long.compare(b[1], a[1]));
        return times.stream().limit(3).map(t -> "#" + t[0] + ": " + t[1]).collect(Collectors.joining(", "));
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long micros = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }
}
