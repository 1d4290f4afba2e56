package org.convene.account;

import org.convene.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an account's email address is its owner's: the link sent after sign-up (and again on request), and
 * the link that moves an account to a new address. An account whose address is not confirmed cannot be made a
 * facilitator or a partner host's coordinator: those roles act for the event, and the event must be able to reach
 * the person. The features that give those roles ask {@link #isConfirmed} and refuse with the messages here.
 */
@Service
@Transactional
public class EmailConfirmationService {

    /** Shown where someone tries to make an unconfirmed account a facilitator. */
    public static final String UNCONFIRMED_FACILITATOR = "This person has not confirmed their email address yet, so "
            + "they cannot be a facilitator. Ask them to open the link we emailed them when they signed up, or to "
            + "choose \u201cSend the link again\u201d on their account page. Then try again.";

    /** Shown to someone whose own unconfirmed account cannot accept an invitation to coordinate. */
    public static final String UNCONFIRMED_COORDINATOR = "Before you can coordinate an organisation, confirm your "
            + "email address. Open the link we emailed you when you signed up, or go to your account page and "
            + "choose \u201cSend the link again\u201d. Then open this invitation again.";

    private static final Logger log = LoggerFactory.getLogger(EmailConfirmationService.class);

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final AccountLinkRepository stored;
    private final AccountEmailBudgets budgets;
    private final CurrentUser currentUser;
    private final Clock clock;

    EmailConfirmationService(AccountRepository accounts, AccountLinks links, AccountLinkRepository stored,
                             AccountEmailBudgets budgets, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.stored = stored;
        this.budgets = budgets;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether the account's address has been confirmed; false for an account that does not exist. */
    @Transactional(readOnly = true)
    public boolean isConfirmed(long userId) {
        return accounts.emailConfirmed(userId);
    }

    /** Sends the signed-in person a new confirmation link, within {@link AccountEmailProperties#resendsPerAccount}. */
    public SendResult resendConfirmation() {
        long userId = currentUser.require().id();
        AccountRepository.Recipient me = accounts.recipient(userId).orElseThrow(() -> new NoSuchUserException(userId));
        if (me.confirmed()) {
            return new SendResult.NotSent("Your email address is already confirmed. You do not need a new link.");
        }
        Duration wait = budgets.takeResend(userId);
        if (!wait.isZero()) {
            return new SendResult.NotSent("We have sent you several links just now. Check your email, including "
                    + "any spam or junk folder, or try again in " + TooManyLoginAttemptsException.inWords(wait) + ".");
        }
        sendConfirmation(me);
        log.info("Account {} asked for a new confirmation link", userId);
        return new SendResult.Sent("We have sent a new link to " + me.email() + ". Open it to confirm your "
                + "address. It works for " + AccountLink.inWords(AccountLink.Kind.CONFIRM_ADDRESS.validFor()) + ".");
    }

    /** In the caller's transaction: the sign-up that made the account. */
    void sendConfirmation(AccountRepository.Recipient account) {
        links.send(account.id(), AccountLink.Kind.CONFIRM_ADDRESS, null, account.email(),
                link -> AccountMessages.confirmAddress(account.displayName(), link));
    }

    /**
     * Uses a confirmation link: confirms the address, or moves the account to the new address it was sent to.
     * Open to anyone holding the link (the link is the secret), signed in or not.
     */
    public ConfirmOutcome confirm(String token) {
        Optional<AccountLinkRepository.StoredLink> found = links.forUse(token == null ? "" : token)
                .filter(link -> link.kind() != AccountLink.Kind.RESET_PASSWORD);
        if (found.isEmpty()) {
            return new ConfirmOutcome.Refused(ConfirmOutcome.Reason.UNKNOWN, null, "We could not find this link. "
                    + "Check that you copied the whole link from the email.");
        }
        AccountLinkRepository.StoredLink link = found.get();
        AccountRepository.Recipient account = accounts.recipient(link.userId())
                .orElseThrow(() -> new NoSuchUserException(link.userId()));
        if (link.kind() == AccountLink.Kind.CONFIRM_ADDRESS) {
            if (account.confirmed()) {
                // A second click, or another of their links: the address is confirmed, which is what they want.
                stored.markUsed(link.id(), clock.instant());
                return new ConfirmOutcome.Confirmed(account.email());
            }
            if (!links.live(link)) {
                return refused(link, account);
            }
            Instant now = clock.instant();
            accounts.confirmEmail(account.id(), now);
            stored.retireOpen(account.id(), AccountLink.Kind.CONFIRM_ADDRESS, now);
            log.info("Account {} confirmed its email address", account.id());
            return new ConfirmOutcome.Confirmed(account.email());
        }
        String newEmail = link.newEmail();
        if (!links.live(link) || newEmail == null) {
            return refused(link, account);
        }
        Instant now = clock.instant();
        if (!accounts.changeEmail(account.id(), newEmail, now)) {
            stored.markUsed(link.id(), now);
            return new ConfirmOutcome.Refused(ConfirmOutcome.Reason.ADDRESS_TAKEN, link.kind(), "Another account "
                    + "now uses " + newEmail + ", so yours cannot move to it. Your account still uses its old address. "
                    + "Choose a different address on your account page.");
        }
        // Every other open link was sent to the old address, or to a new address not chosen in the end.
        stored.retireAllOpen(account.id(), now);
        log.info("Account {} moved to a new email address", account.id());
        return new ConfirmOutcome.AddressChanged(newEmail);
    }

    private ConfirmOutcome refused(AccountLinkRepository.StoredLink link, AccountRepository.Recipient account) {
        boolean change = link.kind() == AccountLink.Kind.CHANGE_ADDRESS;
        String again = change
                ? "Your account still uses its old address. To change it, ask again on your account page."
                : "Log in and choose \u201cSend the link again\u201d on your account page to get a new one.";
        if (link.usedAt() != null) {
            return new ConfirmOutcome.Refused(ConfirmOutcome.Reason.USED, link.kind(), "This link has already "
                    + "been used, or a newer one replaced it. Each link works once. " + again);
        }
        return new ConfirmOutcome.Refused(ConfirmOutcome.Reason.EXPIRED, link.kind(), "This link has expired. "
                + "Links like this work for " + AccountLink.inWords(link.kind().validFor()) + ". " + again);
    }
}
