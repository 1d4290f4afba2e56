package org.convene.account;

import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Forgotten passwords: a one-time link, sent to the account's address, to a page that sets a new password.
 * <p>
 * Asking gives the same answer, in about the same time, whether or not an account uses the address: the token is
 * made and hashed and the message written either way, and only the two inserts are skipped for an unknown
 * address. The limits ({@link AccountEmailProperties}) count the typed address whether or not it has an account,
 * so they do not tell either.
 * <p>
 * Using a link changes the password like a password change does (the account's version goes up), so every
 * signed-in session of the account ends at its next request (see {@link AccountSessions}); it retires the
 * account's other reset links, confirms the address (the link proved it), and clears the log-in pauses for it.
 */
@Service
@Transactional
public class PasswordResetService {

    /** The answer to every request for a link that was not refused by a limit or a malformed address. */
    public static final String SAME_ANSWER = "If an account uses this address, we have sent a link to it. Open the "
            + "link to choose a new password. It works for "
            + AccountLink.inWords(AccountLink.Kind.RESET_PASSWORD.validFor()) + ". If nothing arrives in a few "
            + "minutes, check your spam or junk folder, and check that you typed the address you use for Convene.";

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final AccountLinkRepository stored;
    private final AccountEmailBudgets budgets;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;

    PasswordResetService(AccountRepository accounts, AccountLinks links, AccountLinkRepository stored,
                         AccountEmailBudgets budgets, LoginAttempts attempts, PasswordEncoder passwordEncoder,
                         CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.stored = stored;
        this.budgets = budgets;
        this.attempts = attempts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Someone who forgot their password asks for a link, typing their address. Open to anyone. */
    public SendResult requestReset(String email) {
        String address = AccountRules.normaliseEmail(email);
        Optional<String> problem = AccountRules.emailProblem(address);
        if (problem.isPresent()) {
            return new SendResult.NotSent(problem.get());
        }
        Optional<String> client = ClientAddresses.current();
        if (client.isPresent()) {
            Duration wait = budgets.takeResetRequest(client.get());
            if (!wait.isZero()) {
                return new SendResult.NotSent("Too many links have been asked for from your network just now. "
                        + "Try again in " + TooManyLoginAttemptsException.inWords(wait) + ".");
            }
        }
        Duration wait = budgets.takeReset(address);
        if (!wait.isZero()) {
            return new SendResult.NotSent(tooManyFor(wait));
        }
        Optional<AccountRepository.Recipient> account = accounts.recipient(address);
        if (account.isPresent()) {
            send(account.get(), false);
            log.info("A password reset link was sent to account {}", account.get().id());
        } else {
            // The same work as a real link, so the answer does not come back faster for an unknown address.
            AccountMessages.resetPassword("", AccountLinks.RESET_PATH + AccountLink.hash(AccountLink.newToken()),
                    false);
        }
        return new SendResult.Sent(SAME_ANSWER);
    }

    /** An organiser sends someone a link, say after a phone call. The person's address gets the same budget. */
    public SendResult sendFor(long userId) {
        long organiserId = currentUser.require().id();
        if (!accounts.rolesOf(organiserId).contains(Role.ORGANISER)) {
            throw new AccessDeniedException("Only organisers can send someone a link to choose a new password.");
        }
        AccountRepository.Recipient account = accounts.recipient(userId)
                .orElseThrow(() -> new NoSuchUserException(userId));
        Duration wait = budgets.takeReset(account.email());
        if (!wait.isZero()) {
            return new SendResult.NotSent(tooManyFor(wait));
        }
        send(account, true);
        log.info("User {} sent account {} a password reset link", organiserId, userId);
        return new SendResult.Sent("We have sent " + account.displayName() + " a link to choose a new password, "
                + "to " + account.email() + ". It works for "
                + AccountLink.inWords(AccountLink.Kind.RESET_PASSWORD.validFor()) + ".");
    }

    private static String tooManyFor(Duration wait) {
        return "We have sent several links to this address just now. Check the email, including any spam or junk "
                + "folder, or try again in " + TooManyLoginAttemptsException.inWords(wait) + ".";
    }

    private void send(AccountRepository.Recipient account, boolean byOrganiser) {
        links.send(account.id(), AccountLink.Kind.RESET_PASSWORD, null, account.email(),
                link -> AccountMessages.resetPassword(account.displayName(), link, byOrganiser));
    }

    /** Why a reset link cannot be used, or empty when it can: the page says so before anyone types a password. */
    @Transactional(readOnly = true)
    public Optional<String> linkProblem(String token) {
        Optional<AccountLinkRepository.StoredLink> link = links.peek(token == null ? "" : token)
                .filter(l -> l.kind() == AccountLink.Kind.RESET_PASSWORD);
        return link.isEmpty() ? Optional.of(UNKNOWN) : problem(link.get());
    }

    /** Sets a new password with a reset link, under the usual password rules. */
    public PasswordResetResult reset(String token, String newPassword, String confirmation) {
        Optional<AccountLinkRepository.StoredLink> found = links.forUse(token == null ? "" : token)
                .filter(l -> l.kind() == AccountLink.Kind.RESET_PASSWORD);
        if (found.isEmpty()) {
            return new PasswordResetResult.LinkRefused(UNKNOWN);
        }
        AccountLinkRepository.StoredLink link = found.get();
        Optional<String> linkProblem = problem(link);
        if (linkProblem.isPresent()) {
            return new PasswordResetResult.LinkRefused(linkProblem.get());
        }
        AccountRepository.Recipient account = accounts.recipient(link.userId())
                .orElseThrow(() -> new NoSuchUserException(link.userId()));
        Map<AccountField, String> errors = new EnumMap<>(AccountField.class);
        AccountRules.passwordProblem(newPassword, "new password", account.email(), account.displayName())
                .ifPresent(message -> errors.put(AccountField.NEW_PASSWORD, message));
        if (confirmation == null || confirmation.isEmpty()) {
            errors.put(AccountField.CONFIRM_PASSWORD, "Enter your new password again");
        } else if (!confirmation.equals(newPassword)) {
            errors.put(AccountField.CONFIRM_PASSWORD, "The two new passwords do not match. Enter the same password twice");
        }
        if (!errors.isEmpty()) {
            return new PasswordResetResult.Invalid(errors);
        }
        Instant now = clock.instant();
        accounts.updatePassword(account.id(), passwordEncoder.encode(newPassword));
        accounts.confirmEmail(account.id(), now);
        stored.retireOpen(account.id(), AccountLink.Kind.RESET_PASSWORD, now);
        attempts.forgive(account.email());
        log.info("Account {} chose a new password with a reset link", account.id());
        return new PasswordResetResult.Done(account.email());
    }

    private static final String UNKNOWN = "We could not find this link. Check that you copied the whole link from "
            + "the email, or ask for a new link.";

    private Optional<String> problem(AccountLinkRepository.StoredLink link) {
        if (link.usedAt() != null) {
            return Optional.of("This link has already been used, or a newer link replaced it. Each link works "
                    + "once. Ask for a new link.");
        }
        if (!links.live(link)) {
            return Optional.of("This link has expired. Links to choose a new password work for "
                    + AccountLink.inWords(AccountLink.Kind.RESET_PASSWORD.validFor()) + ". Ask for a new link.");
        }
        return Optional.empty();
    }
}
