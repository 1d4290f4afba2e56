package org.convene.account;

import org.springframework.security.authentication.LockedException;

import java.time.Duration;
import java.util.Objects;

/**
 * Log-in refused because of too many failed attempts on one account. A LockedException so that Spring
 * Security stops at once instead of trying another provider, and the log-in page can tell it apart
 * from wrong credentials.
 */
public class TooManyLoginAttemptsException extends LockedException {

    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Never null: the message says when to try again. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }

    /** "Too many failed attempts. Try again in 30 seconds." Rounded up, so nobody is told to retry too early. */
    static String message(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String when;
        if (seconds < 60) {
            when = seconds == 1 ? "1 second" : seconds + " seconds";
        } else {
            long minutes = (seconds + 59) / 60;
            when = minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return "Too many failed attempts. Try again in " + when + ".";
    }
}
