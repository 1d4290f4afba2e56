package org.convene.qa;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Live Q&A limits and timings (convene.qa.*).
 *
 * @param questionsPerMinute how many questions one person may ask per minute, across sessions
 * @param votesPerMinute     how many votes (and vote withdrawals) one person may cast per minute
 * @param votesInterval      how often vote counts are announced per session at most
 * @param frameInterval      how often a STOMP subscriber receives a frame per session and stream at most, while
 *                           only vote counts change
 * @param questionFrameInterval how soon after the last frame one with a question change may follow (asked,
 *                           approved, answered): short, so a question is not held back with the vote counts
 */
@ConfigurationProperties("convene.qa")
public record QaProperties(int questionsPerMinute, int votesPerMinute, Duration votesInterval, Duration frameInterval,
                           Duration questionFrameInterval) {

    public QaProperties {
        if (questionsPerMinute <= 0) {
            questionsPerMinute = 5;
        }
        if (votesPerMinute <= 0) {
            votesPerMinute = 60;
        }
        if (votesInterval == null) {
            votesInterval = Duration.ofMillis(200);
        }
        if (frameInterval == null) {
            frameInterval = Duration.ofMillis(200);
        }
        if (questionFrameInterval == null) {
            // events committed within a few tens of milliseconds of each other still make one frame
            questionFrameInterval = Duration.ofMillis(50);
        }
    }
}
