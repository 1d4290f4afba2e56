package org.convene.account;

import org.convene.core.PublicBaseUrl;
import org.convene.mail.MailContent;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a one-time link, stores its hash and puts the message carrying it in the outbox, all in the caller's
 * transaction. Each link is its own message (idempotency key: kind, person and link), so a link sent again is a
 * new message, while the same link is never sent twice.
 */
@Component
class AccountLinks {

    /** The pages the links open (account.ui: ConfirmAddressView, ResetPasswordView). */
    static final String CONFIRM_PATH = "/account/confirm/";
    static final String RESET_PATH = "/account/reset-password/";

    private final AccountLinkRepository links;
    private final Outbox outbox;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    AccountLinks(AccountLinkRepository links, Outbox outbox, PublicBaseUrl baseUrl, Clock clock) {
        this.links = links;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Makes a new link and enqueues the message that carries it. A new password or address link retires the
     * person's open ones of its kind, so only the newest works; confirmation links all keep working until they
     * expire (any of them proves the same thing, and people click whichever email they find first).
     *
     * @param toAddress where the message goes (the new address, for a change of address)
     * @param message   the message, given the absolute link
     * @return the new link's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long send(long userId, AccountLink.Kind kind, @Nullable String newEmail, String toAddress,
              Function<String, MailContent> message) {
        Instant now = clock.instant();
        if (kind != AccountLink.Kind.CONFIRM_ADDRESS) {
            links.retireOpen(userId, kind, now);
        }
        String token = AccountLink.newToken();
        long linkId = links.insert(userId, kind, AccountLink.hash(token), newEmail, now);
        String path = (kind == AccountLink.Kind.RESET_PASSWORD ? RESET_PATH : CONFIRM_PATH) + token;
        outbox.enqueue(new OutgoingMail(mailKind(kind) + ":" + userId + ":" + linkId, mailKind(kind), userId,
                toAddress, message.apply(baseUrl.link(path)), null, now));
        return linkId;
    }

    /** A message with no link (the notice to an old address), one per cause. */
    @Transactional(propagation = Propagation.MANDATORY)
    void notice(String kind, String cause, long userId, String toAddress, MailContent content) {
        outbox.enqueue(new OutgoingMail(kind + ":" + userId + ":" + cause, kind, userId, toAddress, content, null,
                clock.instant()));
    }

    /** The link a token names, locked for its use; empty for a malformed or unknown token. */
    Optional<AccountLinkRepository.StoredLink> forUse(String token) {
        return AccountLink.plausible(token) ? links.forUpdate(AccountLink.hash(token)) : Optional.empty();
    }

    Optional<AccountLinkRepository.StoredLink> peek(String token) {
        return AccountLink.plausible(token) ? links.find(AccountLink.hash(token)) : Optional.empty();
    }

    /** Whether a stored link can still be used now. */
    boolean live(AccountLinkRepository.StoredLink link) {
        return link.usedAt() == null && link.expiresAt().isAfter(clock.instant());
    }

    static String mailKind(AccountLink.Kind kind) {
        return switch (kind) {
            case CONFIRM_ADDRESS -> "confirm-address";
            case RESET_PASSWORD -> "password-reset";
            case CHANGE_ADDRESS -> "change-address";
        };
    }
}
