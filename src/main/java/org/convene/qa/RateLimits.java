package org.convene.qa;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-person token buckets for asking and voting. Held in memory on each node: with several nodes a person
 * can get up to the limit on each, which still stops floods from one account.
 */
@Component
class RateLimits {

    private final QaProperties properties;
    private final Map<Long, Bucket> asking = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> voting = new ConcurrentHashMap<>();

    RateLimits(QaProperties properties) {
        this.properties = properties;
    }

    void checkAsk(long userId) {
        Bucket bucket = asking.computeIfAbsent(userId, id -> perMinute(properties.questionsPerMinute()));
        if (!bucket.tryConsume(1)) {
            throw new QaException(QaException.Code.RATE_LIMITED, "You have asked " + properties.questionsPerMinute()
                    + " questions in the last minute. Please wait a minute before asking another.");
        }
    }

    void checkVote(long userId) {
        Bucket bucket = voting.computeIfAbsent(userId, id -> perMinute(properties.votesPerMinute()));
        if (!bucket.tryConsume(1)) {
            throw new QaException(QaException.Code.RATE_LIMITED,
                    "You are voting very fast. Please wait a few seconds and try again.");
        }
    }

    private static Bucket perMinute(int tokens) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(1)).build())
                .build();
    }
}
