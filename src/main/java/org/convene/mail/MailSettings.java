package org.convene.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How Convene sends email (convene.mail.*); the mail server itself is Spring Boot's {@code spring.mail.*}
 * (docs/email.md, "Settings").
 *
 * @param from         the sender of every message, checked at start: {@code Convene <no-reply@example.org>}
 * @param replyTo      where replies go, if not to {@code from}; empty for none
 * @param pollInterval how often the sender looks for due messages (read by {@link OutboxSchedule})
 * @param batchSize    how many messages one claim locks and sends in one transaction: a crash in the middle sends
 *                     at most this many again
 * @param maxPerRun    how many messages one run sends at most, so a long queue does not hold the scheduler
 * @param maxAttempts  attempts before a message that keeps failing for a passing reason is given up (FAILED)
 * @param retryDelays  the wait after the first, second, ... failed attempt; the last one repeats
 */
@ConfigurationProperties("convene.mail")
public record MailSettings(String from, @Nullable String replyTo, Duration pollInterval, int batchSize,
                           int maxPerRun, int maxAttempts, List<Duration> retryDelays) {

    /** A development machine's sender; production sets its own ({@code CONVENE_MAIL_FROM}). */
    public static final String DEVELOPMENT_FROM = "Convene <no-reply@localhost>";

    public MailSettings {
        from = from == null || from.isBlank() ? DEVELOPMENT_FROM : from.strip();
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize <= 0 ? 5 : batchSize;
        maxPerRun = maxPerRun <= 0 ? 200 : maxPerRun;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        retryDelays = retryDelays == null || retryDelays.isEmpty()
                ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(6))
                : List.copyOf(retryDelays);
        address("convene.mail.from (CONVENE_MAIL_FROM)", from);
        if (replyTo != null) {
            address("convene.mail.reply-to (CONVENE_MAIL_REPLY_TO)", replyTo);
        }
    }

    public InternetAddress fromAddress() {
        return address("convene.mail.from", from);
    }

    public @Nullable InternetAddress replyToAddress() {
        String reply = replyTo;
        return reply == null ? null : address("convene.mail.reply-to", reply);
    }

    /** The wait before the next attempt, after {@code attempts} failed ones (1 or more). */
    public Duration retryDelay(int attempts) {
        return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
    }

    private static InternetAddress address(String setting, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", value);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(setting + " must be one email address, such as "
                    + "'Convene <no-reply@example.org>' or 'no-reply@example.org'; '" + value + "' is not.", e);
        }
    }
}
