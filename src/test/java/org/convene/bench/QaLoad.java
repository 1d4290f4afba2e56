package org.convene.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The asking and voting side of the Q&A benchmarks, as API clients would do it over STOMP: one asker sends
 * {@code bench-q-N} at a fixed rate, voters vote at a fixed rate on questions learnt from the public snapshot.
 */
final class QaLoad {

    static final String MARKER = "bench-q-";

    enum Votes {
        /** Each voter in turn, on a random question, alternately up and back (the fan-out benchmark's load). */
        ALTERNATE,
        /**
         * Only up-votes, each by a voter who has not voted on that question yet: every count is known. Each goes to
         * one of the {@link #SHOWN_NEWEST} newest questions, which every session page shows whatever its order
         * (the top questions, then the newest under "Just asked"), so each vote's count has a screen to reach.
         */
        FRESH_UP
    }

    /** Fewer than the page's five "Just asked" places, so a question voted on stays shown for a few seconds. */
    static final int SHOWN_NEWEST = 3;

    /** Told of every acknowledged vote of {@link Votes#FRESH_UP}: the question's marker number and count so far. */
    interface VoteAcks {
        void acknowledged(int marker, int countAtLeast, long ackNanos);
    }

    private final HttpClient http;
    private final String base;
    private final String wsUrl;
    private final BenchSeed.Seed seed;
    private final int questionsPerSecond;
    private final int votesPerSecond;
    private final Votes votes;
    private final VoteAcks voteAcks;

    final int maxQuestions;
    final AtomicLongArray sentAt;
    final AtomicLong votesAcknowledged = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger voteRound = new AtomicInteger();
    /** Question id to marker number, from the snapshot. */
    private final Map<Long, Integer> markers = new ConcurrentHashMap<>();
    private volatile List<Long> questionIds = List.of();
    private final Map<Long, AtomicInteger> votersUsed = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> votesAcked = new ConcurrentHashMap<>();
    private final AtomicLong lastRefresh = new AtomicLong();

    private Publisher asker;
    private final List<Publisher> voters = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    QaLoad(HttpClient http, int httpPort, BenchSeed.Seed seed, int questionsPerSecond, int votesPerSecond, int seconds,
           Votes votes, VoteAcks voteAcks) {
        this.http = http;
        this.base = "http://127.0.0.1:" + httpPort;
        this.wsUrl = "ws://127.0.0.1:" + httpPort + "/ws";
        this.seed = seed;
        this.questionsPerSecond = questionsPerSecond;
        this.votesPerSecond = votesPerSecond;
        this.votes = votes;
        this.voteAcks = voteAcks;
        this.maxQuestions = questionsPerSecond * seconds + 10;
        this.sentAt = new AtomicLongArray(maxQuestions);
    }

    /** Connects the asker and the voters. */
    void connect() throws Exception {
        asker = new Publisher(seed.askerToken());
        for (String token : seed.voterTokens()) {
            voters.add(new Publisher(token));
        }
    }

    /** Starts asking and voting at the fixed rates. */
    void start() {
        scheduler = Executors.newScheduledThreadPool(1);
        long questionPeriod = 1_000_000_000L / questionsPerSecond;
        scheduler.scheduleAtFixedRate(() -> {
            int n = asked.getAndIncrement();
            if (n >= maxQuestions) {
                return;
            }
            sentAt.set(n, System.nanoTime());
            asker.send("/app/sessions." + seed.sessionId() + ".questions", "{\"text\":\"" + MARKER + n + "\"}", "q" + n);
        }, 0, questionPeriod, TimeUnit.NANOSECONDS);
        if (votesPerSecond > 0) {
            long votePeriod = 1_000_000_000L / votesPerSecond;
            scheduler.scheduleAtFixedRate(this::vote, 500, votePeriod, TimeUnit.NANOSECONDS);
        }
    }

    private void vote() {
        List<Long> ids = questionIds;
        if (ids.isEmpty()) {
            return;
        }
        int v = voteRound.getAndIncrement();
        if (votes == Votes.ALTERNATE) {
            Publisher voter = voters.get(v % voters.size());
            long questionId = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            boolean up = (v / voters.size()) % 2 == 0;
            voter.send("/app/questions." + questionId + ".vote", "{\"up\":" + up + "}", "v" + questionId);
            return;
        }
        List<Long> newest = ids.stream().sorted(Comparator.reverseOrder()).limit(SHOWN_NEWEST).toList();
        for (int attempt = 0; attempt < 10; attempt++) {
            long questionId = newest.get(ThreadLocalRandom.current().nextInt(newest.size()));
            int voter = votersUsed.computeIfAbsent(questionId, id -> new AtomicInteger()).getAndIncrement();
            if (voter < voters.size()) {
                voters.get(voter).send("/app/questions." + questionId + ".vote", "{\"up\":true}", "v" + questionId);
                return;
            }
        }
    }

    /** Stops asking and voting; returns how many questions were asked. */
    int stop() {
        scheduler.shutdownNow();
        return Math.min(asked.get(), maxQuestions);
    }

    void close() {
        if (asker != null) {
            asker.close();
        }
        voters.forEach(Publisher::close);
    }

    private void acknowledged(String receipt) {
        long now = System.nanoTime();
        if (receipt.startsWith("v")) {
            votesAcknowledged.incrementAndGet();
            long questionId = Long.parseLong(receipt.substring(1));
            int count = votesAcked.computeIfAbsent(questionId, id -> new AtomicInteger()).incrementAndGet();
            Integer marker = markers.get(questionId);
            if (votes == Votes.FRESH_UP && voteAcks != null && marker != null) {
                voteAcks.acknowledged(marker, count, now);
            }
        } else if (votes == Votes.FRESH_UP || questionIds.size() < 50 || ThreadLocalRandom.current().nextInt(10) == 0) {
            // FRESH_UP votes go to the newest questions, so it must know them as they come: sampled, the newest it
            // knew lagged up to ten questions behind once a session had 50, and its votes fell on questions the
            // pages no longer listed
            refreshQuestionIds();
        }
    }

    /** At most once a second (four times for FRESH_UP): the public snapshot's question ids and texts. */
    private void refreshQuestionIds() {
        long now = System.nanoTime();
        long previous = lastRefresh.get();
        long interval = votes == Votes.FRESH_UP ? 250_000_000L : 1_000_000_000L;
        if (now - previous < interval || !lastRefresh.compareAndSet(previous, now)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + seed.sessionId()
                        + "/questions")).build(), HttpResponse.BodyHandlers.ofString()).body();
                List<Long> ids = new ArrayList<>();
                for (JsonNode q : JsonMapper.shared().readTree(body).path("questions")) {
                    long id = q.path("id").asLong();
                    ids.add(id);
                    String text = q.path("text").asString("");
                    if (text.startsWith(MARKER)) {
                        markers.put(id, Integer.parseInt(text.substring(MARKER.length())));
                    }
                }
                questionIds = List.copyOf(ids);
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        });
    }

    /** Sends questions or votes with a receipt each; an ERROR or a message on the error queue is an error. */
    private final class Publisher extends StompConnection {

        Publisher(String token) throws Exception {
            connect(http, wsUrl, token).get(30, TimeUnit.SECONDS);
            socket.sendText("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\0", true).get(30, TimeUnit.SECONDS);
        }

        void send(String destination, String json, String receipt) {
            synchronized (this) {
                socket.sendText("SEND\ndestination:" + destination + "\ncontent-type:application/json\nreceipt:"
                        + receipt + "\n\n" + json + "\0", true).join();
            }
        }

        @Override
        void frame(String frame) {
            if (frame.startsWith("RECEIPT")) {
                int at = frame.indexOf("receipt-id:");
                int end = frame.indexOf('\n', at);
                acknowledged(frame.substring(at + 11, end < 0 ? frame.length() : end).trim());
            } else if (frame.startsWith("MESSAGE") || frame.startsWith("ERROR")) {
                errors.incrementAndGet();
            }
        }
    }
}
