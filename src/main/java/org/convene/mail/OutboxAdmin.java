package org.convene.mail;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The outbox page's service: organisers (and operators, who sign in as one) read every message Convene sent or
 * kept, with its text, and put a failed one back in the queue. Every method checks the role here, on the server.
 */
@Service
@Transactional
public class OutboxAdmin {

    private static final Logger log = LoggerFactory.getLogger(OutboxAdmin.class);

    private final OutboxRepository outbox;
    private final OutboxSender sender;
    private final CurrentUser currentUser;
    private final Clock clock;

    OutboxAdmin(OutboxRepository outbox, OutboxSender sender, CurrentUser currentUser, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Messages newest first, of one state and kind when given. */
    @Transactional(readOnly = true)
    public List<OutboxRow> messages(@Nullable MailState state, @Nullable String kind, int offset, int limit) {
        requireOrganiser();
        return outbox.page(state, kind, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(@Nullable MailState state, @Nullable String kind) {
        requireOrganiser();
        return outbox.count(state, kind);
    }

    /** The kinds of message in the outbox, for the filter. */
    @Transactional(readOnly = true)
    public List<String> kinds() {
        requireOrganiser();
        return outbox.kinds();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> message(long id) {
        requireOrganiser();
        return outbox.message(id);
    }

    /** Whether messages go out (a mail server is configured) or are kept. */
    public boolean mailServerConfigured() {
        return sender.mailServerConfigured();
    }

    /** Whether "Try again" makes sense for a message in this state: FAILED, or KEPT once a server is set up. */
    public boolean mayRetry(MailState state) {
        return state == MailState.FAILED || state == MailState.KEPT && mailServerConfigured();
    }

    /**
     * Puts a failed (or kept) message back in the queue, due now, with its attempts counted afresh.
     *
     * @return false when it is no longer in a state to retry (someone else did it, or it was sent meanwhile)
     */
    public boolean retry(long id) {
        ConveneUser organiser = requireOrganiser();
        List<MailState> from = mailServerConfigured() ? List.of(MailState.FAILED, MailState.KEPT)
                : List.of(MailState.FAILED);
        boolean done = outbox.retry(id, from, clock.instant());
        if (done) {
            log.info("User {} put email {} back in the queue", organiser.id(), id);
        }
        return done;
    }

    private ConveneUser requireOrganiser() {
        ConveneUser user = currentUser.require();
        if (!user.has(Role.ORGANISER)) {
            throw new AccessDeniedException("Only organisers may see the email Convene sends.");
        }
        return user;
    }
}
