package org.convene.account;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing, counted per account <em>and</em> client address together: after
 * {@value #FREE_ATTEMPTS} failed log-ins in a row for one account from one address, each further attempt from
 * that address must wait, 30 seconds at first and twice as long after every further failure, up to 15 minutes.
 * A successful log-in starts that count again. The owner signing in from anywhere else is not held up, so
 * knowing an organiser's email address is not enough to keep them out of the event.
 *
 * <p>On top of that, every client address has a budget of failed log-ins across all accounts
 * ({@link LoginProperties#failuresPerAddress()}, refilled steadily), so one password tried on many accounts is
 * slowed too, and a budget of sign-ups. The log-in form, HTTP Basic and the current password of a password change
 * all count here.
 *
 * <p>The state is in memory on each node (bounded maps that forget the least recently seen first), not in the
 * database: a count per account and address, written on every attempt, would put every guess on the database,
 * and losing the counts with a restart only gives a guesser back one budget. With several nodes behind a load
 * balancer each node counts on its own, so the limits are per node (docs/deploy.md). Addresses without an account
 * are counted exactly like real ones, so the pause does not reveal which addresses have accounts.
 */
@Component
class LoginAttempts {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int PAIRS_REMEMBERED = 100_000;

    /** Where an attempt with no HTTP request behind it comes from (a service called directly): one shared place. */
    static final String NO_ADDRESS = "";

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final Clock clock;
    private final AddressBudget failures;
    private final AddressBudget signUps;
    private final Map<Pair, Tally> tallies = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Tally> eldest) {
            return size() > PAIRS_REMEMBERED;
        }
    };

    LoginAttempts(LoginProperties properties, Clock clock) {
        this.clock = clock;
        this.failures = new AddressBudget(properties.failuresPerAddress(), properties.addressWindow(), clock);
        this.signUps = new AddressBudget(properties.signUpsPerAddress(), properties.addressWindow(), clock);
    }

    /** How long an account stays paused for an address after its n-th failure in a row there (zero before the limit). */
    static Duration waitAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** An attempt that may go ahead; if its password turns out wrong, it has already been counted. */
    record Attempt(String normalisedEmail, String address, int failuresIfWrong, Duration waitIfWrong) {
    }

    private record Pair(String normalisedEmail, String address) {
    }

    private static final class Tally {
        int failures;
        @Nullable Instant pausedUntil;
    }

    /**
     * Counts this attempt as failed before the password is checked, so that parallel guesses cannot slip past
     * the limit while the hash is being computed; {@link #succeeded} undoes it.
     *
     * @param address the client address, empty when there is no request (then no address budget applies)
     * @throws TooManyLoginAttemptsException while this account is paused for this address, or the address has
     *                                       used up its failures (nothing is counted then)
     */
    synchronized Attempt begin(String normalisedEmail, Optional<String> address) {
        Instant now = clock.instant();
        Pair pair = new Pair(normalisedEmail, address.orElse(NO_ADDRESS));
        Tally tally = tallies.get(pair);
        if (tally != null && tally.pausedUntil != null && now.isBefore(tally.pausedUntil)) {
            throw new TooManyLoginAttemptsException(Duration.between(now, tally.pausedUntil));
        }
        if (address.isPresent()) {
            Duration budgetWait = failures.take(address.get());
            if (!budgetWait.isZero()) {
                log.debug("A log-in refused: its client address used up its failed attempts");
                throw TooManyLoginAttemptsException.fromAddress(budgetWait);
            }
        }
        if (tally == null) {
            tally = new Tally();
            tallies.put(pair, tally);
        }
        tally.failures++;
        Duration wait = waitAfter(tally.failures);
        tally.pausedUntil = wait.isZero() ? null : now.plus(wait);
        return new Attempt(pair.normalisedEmail(), pair.address(), tally.failures, wait);
    }

    /** The password was right: the account's count for this address starts again and the address's try is given back. */
    synchronized void succeeded(Attempt attempt) {
        tallies.remove(new Pair(attempt.normalisedEmail(), attempt.address()));
        if (!attempt.address().equals(NO_ADDRESS)) {
            failures.giveBack(attempt.address());
        }
    }

    /**
     * Called once the password has proved wrong, to note a pause in the log (the failure is already counted).
     * Ids only, never the email address or the client address.
     *
     * @param account the account named, or null for an address with no account
     */
    void failed(Attempt attempt, @Nullable ConveneUser account) {
        if (attempt.waitIfWrong().isZero() || account == null) {
            return;
        }
        if (account.has(Role.ORGANISER)) {
            // An organiser kept out of their own event is worth an operator's attention.
            log.warn("Log-in for organiser account {} paused for {} s after {} failed attempts from one address",
                    account.id(), attempt.waitIfWrong().toSeconds(), attempt.failuresIfWrong());
        } else {
            log.info("Log-in for user {} paused for {} s after {} failed attempts from one address",
                    account.id(), attempt.waitIfWrong().toSeconds(), attempt.failuresIfWrong());
        }
    }

    /**
     * Forgets the account's pauses from every address: its owner just proved they hold its email address and chose
     * a new password, so a guesser's failures must not keep them out.
     */
    synchronized void forgive(String normalisedEmail) {
        tallies.keySet().removeIf(pair -> pair.normalisedEmail().equals(normalisedEmail));
    }

    /** Takes one sign-up from the address's budget: zero if it may go ahead, otherwise how long until it may. */
    Duration takeSignUp(String address) {
        return signUps.take(address);
    }

    /** The failures in a row counted for an account from an address (for tests). */
    synchronized int failuresInARow(String normalisedEmail, String address) {
        Tally tally = tallies.get(new Pair(normalisedEmail, address));
        return tally == null ? 0 : tally.failures;
    }
}
