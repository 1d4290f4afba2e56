package org.convene.account;

import org.convene.core.ClockTimeMeter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * So many actions per client address per window, refilled steadily (a Bucket4j token bucket per address, on the
 * injected clock so tests move time instead of waiting). Not a bean: {@link LoginAttempts} holds one per kind of
 * action. Held in memory, bounded: the least recently seen addresses are forgotten first, which at worst gives an
 * address it forgot a fresh budget.
 */
final class AddressBudget {

    static final int ADDRESSES_REMEMBERED = 50_000;

    private final int perWindow;
    private final Duration window;
    private final ClockTimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES_REMEMBERED;
        }
    };

    AddressBudget(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one action from the address's budget: zero if it may go ahead, otherwise how long until it may. */
    synchronized Duration take(String address) {
        ConsumptionProbe probe = bucket(address).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /** Gives back what {@link #take} took, for an action that turned out not to count (a right password). */
    synchronized void giveBack(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(String address) {
        return buckets.computeIfAbsent(address, a -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perWindow).refillGreedy(perWindow, window).build())
                .build());
    }

}
