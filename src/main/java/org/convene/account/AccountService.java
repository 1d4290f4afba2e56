package org.convene.account;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts: signing up, changing one's password, and organisers giving and taking away roles.
 *
 * <p>Role rules. Everyone keeps the attendee role. There is always at least one organiser: the last
 * organiser cannot remove their own organiser role. An organiser may remove their own organiser role
 * while another organiser remains; they asked for it on a page that says what it does, and the other
 * organiser can give it back. Who may change roles is read from the database on every call rather
 * than from the session, so someone whose organiser role was just removed cannot carry on.
 */
@Service
@Transactional
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final LoginAttempts attempts;
    private final EmailConfirmationService confirmations;
    private final AccountLinks links;
    private final AccountEmailBudgets budgets;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, CurrentUser currentUser,
                   LoginAttempts attempts, EmailConfirmationService confirmations, AccountLinks links,
                   AccountEmailBudgets budgets, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.confirmations = confirmations;
        this.links = links;
        this.budgets = budgets;
        this.clock = clock;
    }

    /**
     * Creates an attendee account, its address not yet confirmed, and puts the message with its confirmation
     * link in the outbox in the same transaction. Every rule is checked before anything is refused, so a form can
     * show all the problems at once. Each sign-up from a web request takes one from its client address's
     * budget (LoginProperties), tried or not, so addresses cannot be probed or accounts made in bulk.
     *
     * @return the new user, without the password hash, ready to be signed in; or every field that needs correcting
     */
    public SaveResult<ConveneUser> signUp(String displayName, String email, String password) {
        Optional<String> address = ClientAddresses.current();
        if (address.isPresent()) {
            Duration wait = attempts.takeSignUp(address.get());
            if (!wait.isZero()) {
                return AccountField.invalid(Map.of(AccountField.EMAIL, "Too many accounts have been made from your "
                        + "network just now. Try again in " + TooManyLoginAttemptsException.inWords(wait) + "."));
            }
        }
        String name = AccountRules.normaliseName(displayName);
        String normalisedEmail = AccountRules.normaliseEmail(email);

        Map<AccountField, String> errors = new EnumMap<>(AccountField.class);
        AccountRules.nameProblem(name).ifPresent(message -> errors.put(AccountField.DISPLAY_NAME, message));
        AccountRules.emailProblem(normalisedEmail).ifPresentOrElse(
                message -> errors.put(AccountField.EMAIL, message),
                () -> {
                    if (accounts.emailTaken(normalisedEmail)) {
                        errors.put(AccountField.EMAIL, emailTakenMessage());
                    }
                });
        AccountRules.passwordProblem(password, "password", normalisedEmail, name)
                .ifPresent(message -> errors.put(AccountField.PASSWORD, message));
        if (!errors.isEmpty()) {
            return AccountField.invalid(errors);
        }

        String hash = passwordEncoder.encode(password);
        Optional<Long> inserted = accounts.insert(name, normalisedEmail, hash, clock.instant(), null);
        if (inserted.isEmpty()) {
            // someone signed up with the same address since the check above
            return AccountField.invalid(Map.of(AccountField.EMAIL, emailTakenMessage()));
        }
        long id = inserted.get();
        accounts.addRole(id, Role.ATTENDEE, clock.instant());
        confirmations.sendConfirmation(new AccountRepository.Recipient(id, normalisedEmail, name, false));
        log.info("Account {} signed up", id);
        return new SaveResult.Saved<>(new ConveneUser(id, normalisedEmail, name, "", Set.of(Role.ATTENDEE)));
    }

    private static String emailTakenMessage() {
        return "An account with this email address already exists. Log in instead, or use a different email address";
    }

    /**
     * Changes the signed-in person's password after checking their current one.
     *
     * @return the account's new version, which the session that made the change keeps (see AccountSessions);
     *         or CURRENT_PASSWORD and/or NEW_PASSWORD messages
     */
    public SaveResult<Integer> changePassword(String currentPassword, String newPassword) {
        return changePassword(currentPassword, newPassword, newPassword);
    }

    /**
     * As {@link #changePassword(String, String)}, also checking that the new password was typed the same
     * way twice, so a form gets every problem in one go.
     *
     * <p>The current password is throttled exactly like log-in, on the same count for this account and client
     * address (see {@link LoginAttempts}):
     * otherwise someone at an unlocked computer could guess it here without limit, then log in anywhere.
     * A right current password resets the count even when the new one is refused, as a right log-in does.
     * A refusal is a result, not an exception, so the transaction commits and the failed attempt stays counted.
     *
     * @return the account's new version, which the session that made the change keeps (see AccountSessions);
     *         or CURRENT_PASSWORD, NEW_PASSWORD and/or CONFIRM_PASSWORD messages
     */
    public SaveResult<Integer> changePassword(String currentPassword, String newPassword, String confirmation) {
        long userId = currentUser.require().id();
        ConveneUser me = accounts.findForLogin(userId).orElseThrow(() -> new NoSuchUserException(userId));

        Map<AccountField, String> errors = new EnumMap<>(AccountField.class);
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put(AccountField.CURRENT_PASSWORD, "Enter your current password");
        } else {
            currentPasswordProblem(me, currentPassword)
                    .ifPresent(message -> errors.put(AccountField.CURRENT_PASSWORD, message));
        }
        AccountRules.passwordProblem(newPassword, "new password", me.email(), me.displayName())
                .or(() -> newPassword.equals(currentPassword)
                        ? Optional.of("New password must be different from your current password")
                        : Optional.empty())
                .ifPresent(message -> errors.put(AccountField.NEW_PASSWORD, message));
        if (confirmation == null || confirmation.isEmpty()) {
            errors.put(AccountField.CONFIRM_PASSWORD, "Enter your new password again");
        } else if (!confirmation.equals(newPassword)) {
            errors.put(AccountField.CONFIRM_PASSWORD, "The two new passwords do not match. Enter the same password twice");
        }
        if (!errors.isEmpty()) {
            return AccountField.invalid(errors);
        }
        int version = accounts.updatePassword(userId, passwordEncoder.encode(newPassword));
        log.info("Account {} changed its password", userId);
        return new SaveResult.Saved<>(version);
    }

    /** Checks the current password under the log-in throttle; empty when it is right. */
    private Optional<String> currentPasswordProblem(ConveneUser me, String currentPassword) {
        LoginAttempts.Attempt attempt;
        try {
            attempt = attempts.begin(me.email(), ClientAddresses.current());
        } catch (TooManyLoginAttemptsException locked) {
            return Optional.of(locked.getMessage());
        }
        if (passwordEncoder.matches(currentPassword, me.passwordHash())) {
            attempts.succeeded(attempt);
            return Optional.empty();
        }
        attempts.failed(attempt, me);
        return Optional.of(attempt.waitIfWrong().isZero()
                ? "Your current password is not right. Check it and try again"
                : TooManyLoginAttemptsException.message(attempt.waitIfWrong()));
    }

    /**
     * Asks to move the signed-in person's account to a new address, after checking their current password (under
     * the log-in throttle, as for a password change). Nothing changes yet: the new address gets a link that makes
     * the change (see {@link EmailConfirmationService#confirm}), and the old address a notice that a change was
     * asked for, in case it was not them.
     *
     * @return the new address the link went to; or CURRENT_PASSWORD and/or EMAIL messages
     */
    public SaveResult<String> requestAddressChange(String currentPassword, String newEmail) {
        long userId = currentUser.require().id();
        ConveneUser me = accounts.findForLogin(userId).orElseThrow(() -> new NoSuchUserException(userId));
        String address = AccountRules.normaliseEmail(newEmail);

        Map<AccountField, String> errors = new EnumMap<>(AccountField.class);
        AccountRules.emailProblem(address).or(() -> {
            if (address.equals(me.email())) {
                return Optional.of("This is already your email address. Enter the new address you want to use");
            }
            return accounts.emailTaken(address)
                    ? Optional.of("Another account uses this email address. Enter a different address, or log in "
                            + "to that account instead")
                    : Optional.empty();
        }).ifPresent(message -> errors.put(AccountField.EMAIL, message));
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put(AccountField.CURRENT_PASSWORD, "Enter your current password");
        } else {
            currentPasswordProblem(me, currentPassword)
                    .ifPresent(message -> errors.put(AccountField.CURRENT_PASSWORD, message));
        }
        if (errors.isEmpty()) {
            Duration wait = budgets.takeResend(userId);
            if (!wait.isZero()) {
                errors.put(AccountField.EMAIL, "You have asked for several changes just now. Check your email, or "
                        + "try again in " + TooManyLoginAttemptsException.inWords(wait) + ".");
            }
        }
        if (!errors.isEmpty()) {
            return AccountField.invalid(errors);
        }
        long linkId = links.send(userId, AccountLink.Kind.CHANGE_ADDRESS, address, address,
                link -> AccountMessages.confirmNewAddress(me.displayName(), address, link));
        links.notice("address-change-asked", Long.toString(linkId), userId, me.email(),
                AccountMessages.addressChangeAsked(me.displayName(), address));
        log.info("Account {} asked to change its email address", userId);
        return new SaveResult.Saved<>(address);
    }

    /** The signed-in person's own account, read fresh so that role changes show at once. */
    @Transactional(readOnly = true)
    public UserSummary myAccount() {
        long userId = currentUser.require().id();
        return accounts.summary(userId).orElseThrow(() -> new NoSuchUserException(userId));
    }

    // --- role administration (organisers only) ---------------------------------------------------

    /** One page of accounts, for a lazily loaded list. */
    @Transactional(readOnly = true)
    public List<UserSummary> users(String filter, UserSort sort, boolean ascending, int offset, int limit) {
        requireOrganiser();
        return accounts.page(filter, sort, ascending, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countUsers(String filter) {
        requireOrganiser();
        return accounts.count(filter);
    }

    /**
     * Gives a role; giving one the person already has changes nothing. Returns the account as it is now.
     *
     * @throws RoleChangeRefusedException for the facilitator and host roles while the person's address is not
     *                                    confirmed
     */
    public UserSummary grant(long userId, Role role) {
        long actorId = requireOrganiser();
        requireExists(userId);
        if ((role == Role.FACILITATOR || role == Role.HOST) && !confirmations.isConfirmed(userId)
                && !accounts.rolesOf(userId).contains(role)) {
            throw new RoleChangeRefusedException(EmailConfirmationService.UNCONFIRMED_FACILITATOR);
        }
        if (accounts.addRole(userId, role, clock.instant())) {
            log.info("User {} gave role {} to user {}", actorId, role, userId);
        }
        return accounts.summary(userId).orElseThrow(() -> new NoSuchUserException(userId));
    }

    /**
     * Takes a role away. Returns the account as it is now.
     *
     * @throws RoleChangeRefusedException for the attendee role, and for the last organiser's organiser role
     */
    public UserSummary revoke(long userId, Role role) {
        long actorId = requireOrganiser();
        requireExists(userId);
        if (role == Role.ATTENDEE) {
            throw new RoleChangeRefusedException(
                    "Everyone who has an account is an attendee. The attendee role cannot be removed.");
        }
        if (role == Role.ORGANISER) {
            List<Long> organisers = accounts.lockOrganisers();
            // The actor is an organiser, so a lone organiser being changed is always the actor themself.
            if (organisers.size() == 1 && organisers.contains(userId)) {
                throw new RoleChangeRefusedException("You are the only organiser, so you cannot remove your own "
                        + "organiser role. Make someone else an organiser first.");
            }
        }
        if (accounts.removeRole(userId, role)) {
            log.info("User {} removed role {} from user {}", actorId, role, userId);
        }
        return accounts.summary(userId).orElseThrow(() -> new NoSuchUserException(userId));
    }

    private long requireOrganiser() {
        long actorId = currentUser.require().id();
        if (!accounts.rolesOf(actorId).contains(Role.ORGANISER)) {
            throw new AccessDeniedException("Only organisers can see people's accounts and change their roles.");
        }
        return actorId;
    }

    private void requireExists(long userId) {
        if (accounts.summary(userId).isEmpty()) {
            throw new NoSuchUserException(userId);
        }
    }
}
