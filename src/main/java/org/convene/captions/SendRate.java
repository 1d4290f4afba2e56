package org.convene.captions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding window of SENDs per sender and session, on this node. A limit per node is enough: it stops a runaway
 * script, and a captioner's tool keeps one connection to one node.
 */
final class SendRate {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> sends = new ConcurrentHashMap<>();

    SendRate(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts a send at {@code now}; false (and not counted) when the sender has used up the window. */
    boolean allow(long sessionId, long userId, Instant now) {
        Deque<Instant> times = sends.computeIfAbsent(sessionId + ":" + userId, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant from = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
