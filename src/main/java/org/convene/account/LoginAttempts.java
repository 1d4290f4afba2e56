package org.convene.account;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing on one account: after {@value #FREE_ATTEMPTS} failed log-ins in a row, each
 * further attempt must wait, 30 seconds at first and twice as long after every further failure, up to
 * 15 minutes. A successful log-in starts the count again.
 *
 * <p>The state lives in app_user (failed_logins, locked_until), so it holds across restarts and nodes.
 * Unknown email addresses get the same treatment in memory, so that "Too many failed attempts" does not
 * reveal which addresses have accounts.
 */
@Component
class LoginAttempts {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int UNKNOWN_EMAILS_REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AccountRepository accounts;
    private final Clock clock;
    private final Map<String, UnknownEmail> unknownEmails = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UnknownEmail> eldest) {
            return size() > UNKNOWN_EMAILS_REMEMBERED;
        }
    };

    LoginAttempts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** How long an account stays locked after its n-th failure in a row (zero before the limit). */
    static Duration waitAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** An attempt that may go ahead; if its password turns out wrong, it has already been counted. */
    record Attempt(int failuresIfWrong, Duration waitIfWrong) {
    }

    /**
     * Counts this attempt as failed before the password is checked, so that parallel guesses cannot
     * slip past the limit while the hash is being computed; {@link #succeeded} undoes it.
     *
     * @throws TooManyLoginAttemptsException while the account is locked (nothing was written, so a
     *                                       transaction it joins, such as a password change, need not roll back)
     */
    @Transactional(noRollbackFor = TooManyLoginAttemptsException.class)
    public Attempt begin(long userId) {
        Instant now = clock.instant();
        Optional<Integer> failures = accounts.countAttempt(userId, now);
        if (failures.isEmpty()) {
            Instant until = accounts.lockedUntil(userId).orElse(now);
            throw new TooManyLoginAttemptsException(Duration.between(now, until));
        }
        Duration wait = waitAfter(failures.get());
        if (!wait.isZero()) {
            accounts.lockUntil(userId, now.plus(wait));
        }
        return new Attempt(failures.get(), wait);
    }

    @Transactional
    public void succeeded(long userId) {
        accounts.clearFailedLogins(userId);
    }

    /** Called once the password has proved wrong, to note a pause in the log (the failure is already counted). */
    public void failed(long userId, Attempt attempt) {
        if (!attempt.waitIfWrong().isZero()) {
            // Ids only: no email addresses in logs.
            log.info("Log-in for user {} paused for {} s after {} failed attempts",
                    userId, attempt.waitIfWrong().toSeconds(), attempt.failuresIfWrong());
        }
    }

    /**
     * The same rules for an address with no account, kept in memory only (a bounded, least recently
     * used map): enough to make both cases look alike to someone probing addresses.
     *
     * @throws TooManyLoginAttemptsException exactly when a real account would be locked
     */
    public synchronized void checkUnknown(String normalisedEmail) {
        UnknownEmail state = unknownEmails.get(normalisedEmail);
        Instant now = clock.instant();
        if (state != null && state.lockedUntil != null && now.isBefore(state.lockedUntil)) {
            throw new TooManyLoginAttemptsException(Duration.between(now, state.lockedUntil));
        }
    }

    /** Returns how long the address is now paused for, zero if not at all. */
    public synchronized Duration failedUnknown(String normalisedEmail) {
        UnknownEmail state = unknownEmails.computeIfAbsent(normalisedEmail, e -> new UnknownEmail());
        state.failures++;
        Duration wait = waitAfter(state.failures);
        if (!wait.isZero()) {
            state.lockedUntil = clock.instant().plus(wait);
        }
        return wait;
    }

    private static final class UnknownEmail {
        int failures;
        @Nullable Instant lockedUntil;
    }
}
