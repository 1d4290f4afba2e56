package org.convene.account;

import org.springframework.security.authentication.LockedException;

import java.time.Duration;
import java.util.Objects;

/**
 * Log-in refused because of too many failed attempts: on one account from one client address, or from one client
 * address on any accounts (LoginAttempts). A LockedException so that Spring
 * Security stops at once instead of trying another provider, and the log-in page can tell it apart
 * from wrong credentials.
 */
public class TooManyLoginAttemptsException extends LockedException {

    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        this(retryAfter, message(retryAfter));
    }

    private TooManyLoginAttemptsException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /**
     * The client address has used up its failed log-ins, whichever accounts they were for. Said differently from
     * an account's pause, so people sharing a network (a venue, an office) know it is not their own typing.
     */
    static TooManyLoginAttemptsException fromAddress(Duration retryAfter) {
        return new TooManyLoginAttemptsException(retryAfter, "Too many failed log-ins have come from your network "
                + "just now. Try again in " + inWords(retryAfter) + ".");
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
        return "Too many failed attempts. Try again in " + inWords(wait) + ".";
    }

    /** "30 seconds", "2 minutes": rounded up. */
    static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String when;
        if (seconds < 60) {
            when = seconds == 1 ? "1 second" : seconds + " seconds";
        } else {
            long minutes = (seconds + 59) / 60;
            when = minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return when;
    }
}
