package org.convene.qa.api;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Caps on the STOMP API (convene.stomp.*, docs/api.md). A refusal is an ERROR frame with its own code.
 *
 * @param maxSubscriptionsPerConnection     subscriptions one connection may hold at once (TOO_MANY_SUBSCRIPTIONS)
 * @param maxAnonymousConnectionsPerAddress connections without a token from one client address (TOO_MANY_CONNECTIONS)
 * @param framesPerWindow                   frames a connection may send per {@code frameWindow} (FRAME_BUDGET_EXCEEDED)
 * @param frameWindow                       the window the frame budget refills over
 * @param credentialsCheckInterval          how long a connection's token and roles, once checked, are trusted
 *                                          before the next SEND or moderation frame checks them again. Changes to
 *                                          them reach every node at once (database notices), so this is only the
 *                                          backstop for a node that missed one
 * @param moderationCheckInterval           how long a connection's right to moderate a session, once checked, is
 *                                          trusted: it follows facilitator lists and partner hosts, which send no
 *                                          notices, and only moderators pay for the check
 */
@ConfigurationProperties("convene.stomp")
public record StompProperties(int maxSubscriptionsPerConnection, int maxAnonymousConnectionsPerAddress, int framesPerWindow,
                       @Nullable Duration frameWindow, @Nullable Duration credentialsCheckInterval,
                       @Nullable Duration moderationCheckInterval) {

    static final int DEFAULT_MAX_SUBSCRIPTIONS = 50;
    static final int DEFAULT_MAX_ANONYMOUS_CONNECTIONS = 20;
    static final int DEFAULT_FRAMES_PER_WINDOW = 100;
    static final Duration DEFAULT_FRAME_WINDOW = Duration.ofSeconds(10);
    static final Duration DEFAULT_CREDENTIALS_CHECK_INTERVAL = Duration.ofMinutes(10);
    static final Duration DEFAULT_MODERATION_CHECK_INTERVAL = Duration.ofSeconds(5);

    public StompProperties {
        if (maxSubscriptionsPerConnection <= 0) {
            maxSubscriptionsPerConnection = DEFAULT_MAX_SUBSCRIPTIONS;
        }
        if (maxAnonymousConnectionsPerAddress <= 0) {
            maxAnonymousConnectionsPerAddress = DEFAULT_MAX_ANONYMOUS_CONNECTIONS;
        }
        if (framesPerWindow <= 0) {
            framesPerWindow = DEFAULT_FRAMES_PER_WINDOW;
        }
        if (frameWindow == null || frameWindow.isNegative() || frameWindow.isZero()) {
            frameWindow = DEFAULT_FRAME_WINDOW;
        }
        if (credentialsCheckInterval == null || credentialsCheckInterval.isNegative()) {
            credentialsCheckInterval = DEFAULT_CREDENTIALS_CHECK_INTERVAL;
        }
        if (moderationCheckInterval == null || moderationCheckInterval.isNegative()) {
            moderationCheckInterval = DEFAULT_MODERATION_CHECK_INTERVAL;
        }
    }

    Duration window() {
        return frameWindow == null ? DEFAULT_FRAME_WINDOW : frameWindow;
    }

    Duration checkInterval() {
        return credentialsCheckInterval == null ? DEFAULT_CREDENTIALS_CHECK_INTERVAL : credentialsCheckInterval;
    }

    Duration moderationInterval() {
        return moderationCheckInterval == null ? DEFAULT_MODERATION_CHECK_INTERVAL : moderationCheckInterval;
    }
}
