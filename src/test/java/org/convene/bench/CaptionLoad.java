package org.convene.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The caption-line part of the fan-out benchmark (docs/benchmarks.md, "Caption lines"): one captioner sends lines
 * at a fixed rate to {@code /app/sessions.{id}.captions}, each line twice as it grows ({@code "final": false}) and
 * once more complete ({@code "final": true}), and every subscriber also follows {@code /topic/sessions.{id}.captions}.
 * Each SEND's text ends with its own number. A subscriber holds the newest text of a line, so seeing SEND m counts
 * as having every SEND before it (a revision superseded in the same read is never sent on its own, and need not be).
 * Records, per SEND, the time until the LAST subscriber has it.
 */
final class CaptionLoad {

    static final String MARKER = "bench-c-";
    /** SENDs per line: two revisions, then the final text. */
    private static final int SENDS_PER_LINE = 3;

    private final int perSecond;
    private final int subscribers;
    final int max;
    private final AtomicLongArray sentAt;
    private final AtomicLongArray committedAt;
    private final AtomicLongArray receivedBy;
    private final AtomicLongArray lastReceivedAt;
    /** SENDs the server refused (their code on /user/queue/errors): left out of the latency and the losses. */
    private final AtomicLongArray refused;
    private final java.util.Map<String, Integer> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The highest SEND each subscriber has seen, -1 before the first. */
    private final AtomicLongArray highestSeen;

    CaptionLoad(int perSecond, int seconds, int subscribers) {
        this.perSecond = perSecond;
        this.subscribers = subscribers;
        this.max = perSecond * seconds + 10;
        this.sentAt = new AtomicLongArray(max);
        this.committedAt = new AtomicLongArray(max);
        this.receivedBy = new AtomicLongArray(max);
        this.lastReceivedAt = new AtomicLongArray(max);
        this.refused = new AtomicLongArray(max);
        this.highestSeen = new AtomicLongArray(subscribers);
        for (int i = 0; i < subscribers; i++) {
            highestSeen.set(i, -1);
        }
    }

    static String topic(long sessionId) {
        return "/topic/sessions." + sessionId + ".captions";
    }

    static String destination(long sessionId) {
        return "/app/sessions." + sessionId + ".captions";
    }

    /** The body of SEND n: a line of a few words that grows, then is final. */
    String body(int n) {
        int revision = n % SENDS_PER_LINE;
        String words = "Line " + (n / SENDS_PER_LINE) + " of the benchmark" + " and more".repeat(revision);
        return "{\"text\":\"" + words + " " + MARKER + n + "\",\"final\":" + (revision == SENDS_PER_LINE - 1) + "}";
    }

    void sent(int n, long nanos) {
        sentAt.set(n, nanos);
    }

    void committed(int n, long nanos) {
        if (n >= 0 && n < max) {
            committedAt.set(n, nanos);
        }
    }

    /** The server refused SEND n with this code (RATE_LIMITED, say). */
    void refused(int n, String code) {
        if (n >= 0 && n < max) {
            refused.set(n, 1);
        }
        refusals.merge(code, 1, Integer::sum);
    }

    /** A caption frame reached subscriber {@code index}. Called on that subscriber's thread, one frame at a time. */
    void received(int index, String frame, long nanos) {
        long highest = -1;
        for (int at = frame.indexOf(MARKER); at >= 0; at = frame.indexOf(MARKER, at + MARKER.length())) {
            long n = 0;
            for (int i = at + MARKER.length(); i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
                n = n * 10 + (frame.charAt(i) - '0');
            }
            highest = Math.max(highest, n);
        }
        long before = highestSeen.get(index);
        if (highest <= before) {
            return; // a re-read after a gap, or nothing of ours
        }
        highestSeen.set(index, highest);
        for (long k = before + 1; k <= Math.min(highest, max - 1); k++) {
            receivedBy.incrementAndGet((int) k);
            lastReceivedAt.accumulateAndGet((int) k, nanos, Math::max);
        }
    }

    /** The results, as a table row under its header, for SENDs 0 to sent - 1. */
    String report(int sent) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        Histogram commit = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        int complete = 0;
        int committed = 0;
        long delivered = 0;
        int stored = 0;
        for (int i = 0; i < sent; i++) {
            if (refused.get(i) != 0) {
                continue; // never stored, so never sent on: a later SEND's text does not stand for it
            }
            stored++;
            delivered += receivedBy.get(i);
            if (receivedBy.get(i) == subscribers) {
                complete++;
                latency.recordValue(Math.max(0, (lastReceivedAt.get(i) - sentAt.get(i)) / 1000));
            }
            if (committedAt.get(i) != 0) {
                committed++;
                commit.recordValue(Math.max(0, (committedAt.get(i) - sentAt.get(i)) / 1000));
            }
        }
        long expected = (long) stored * subscribers;
        return String.format(Locale.ROOT, """
                        | caption SENDs/s | subscribers | caption SEND to last subscriber p50 / p90 / p99 / max | stored SENDs seen by all | deliveries lost | SEND to RECEIPT (stored) p50 / p99 | refused |
                        |---|---|---|---|---|---|---|
                        | %d (a line every %.1f s: 2 revisions, then final) | %,d | %.0f / %.0f / %.0f / %.0f ms | %d of %d | %,d of %,d | %.0f / %.0f ms (%d of %d) | %s |
                        """, perSecond, SENDS_PER_LINE / (double) perSecond, subscribers,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, complete, stored,
                expected - delivered, expected, commit.getValueAtPercentile(50) / 1000.0,
                commit.getValueAtPercentile(99) / 1000.0, committed, sent,
                refusals.isEmpty() ? "none" : refusals.toString());
    }
}
