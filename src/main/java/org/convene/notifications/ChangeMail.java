package org.convene.notifications;

import org.convene.core.PublicBaseUrl;
import org.convene.mail.MailContent;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.convene.organising.FacilitatorAssigned;
import org.convene.organising.HostInvitationCreated;
import org.convene.organising.SessionCancelled;
import org.convene.organising.SessionRescheduled;
import org.convene.organising.SessionRestored;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.recordings.RecordingPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the email a change causes into the outbox. Every listener runs synchronously in the transaction of the
 * change (and refuses to run without one), so the messages commit with it or not at all; the idempotency key
 * names the change itself, so one change makes one message per person however often it is handled.
 */
@Component
class ChangeMail {

    private static final Logger log = LoggerFactory.getLogger(ChangeMail.class);

    private final NotificationQueries people;
    private final ProgrammeService programme;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    ChangeMail(NotificationQueries people, ProgrammeService programme, MailPreferences preferences, Outbox outbox,
               PublicBaseUrl baseUrl, Clock clock) {
        this.people = people;
        this.programme = programme;
        this.preferences = preferences;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A cancelled session's new time is not news, nor is any change to a session that is over. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(SessionRescheduled moved) {
        upcoming(moved.sessionId()).filter(s -> !s.cancelled()).ifPresent(session -> toAgendas(session,
                MailTopic.SESSION_CHANGES, "session-moved", moved.changeId(),
                unsubscribe -> ChangeMessages.moved(SessionFacts.of(session), moved.wasStartsAt(),
                        moved.wasEndsAt(), sessionUrl(session), unsubscribe)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelled(SessionCancelled cancelled) {
        upcoming(cancelled.sessionId()).ifPresent(session -> toAgendas(session, MailTopic.SESSION_CHANGES,
                "session-cancelled", cancelled.changeId(),
                unsubscribe -> ChangeMessages.cancelled(SessionFacts.of(session), cancelled.reason(),
                        sessionUrl(session), unsubscribe)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void restored(SessionRestored restored) {
        upcoming(restored.sessionId()).ifPresent(session -> toAgendas(session, MailTopic.SESSION_CHANGES,
                "session-restored", restored.changeId(),
                unsubscribe -> ChangeMessages.restored(SessionFacts.of(session), sessionUrl(session), unsubscribe)));
    }

    /** Once per person and session: publishing again after taking a recording down is not news twice. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordingPublished(RecordingPublished published) {
        programme.session(published.sessionId()).ifPresent(session -> toAgendas(session, MailTopic.RECORDINGS,
                "recording-published", session.id(),
                unsubscribe -> ChangeMessages.recordingPublished(SessionFacts.of(session),
                        sessionUrl(session) + "#recording",
                        baseUrl.link("/recordings?conference="
                                + URLEncoder.encode(session.conference().slug(), StandardCharsets.UTF_8)),
                        unsubscribe)));
    }

    /** About a role the person was given, so it always goes. Made a facilitator again later, they hear again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void facilitatorAssigned(FacilitatorAssigned assigned) {
        Optional<SessionDetail> found = programme.session(assigned.sessionId());
        Optional<NotificationQueries.Recipient> account = people.account(assigned.userId());
        if (found.isEmpty() || account.isEmpty()) {
            return;
        }
        SessionDetail session = found.get();
        Instant now = clock.instant();
        outbox.enqueue(new OutgoingMail(
                "facilitator-assigned:" + assigned.userId() + ":" + session.id() + ":" + now.toEpochMilli(),
                "facilitator-assigned", assigned.userId(), account.get().email(),
                ChangeMessages.facilitatorAssigned(SessionFacts.of(session),
                        baseUrl.link("/sessions/" + session.id() + "/moderate")),
                null, now));
    }

    /** Sent to the address the organiser gave, which may have no account yet; always goes. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void hostInvitationCreated(HostInvitationCreated invitation) {
        LocalDate lastDay = LocalDate.ofInstant(invitation.expiresAt(), ChangeMessages.INVITATION_ZONE);
        outbox.enqueue(new OutgoingMail("host-invitation:" + invitation.invitationId(), "host-invitation",
                people.accountOf(invitation.email()).orElse(null), invitation.email(),
                ChangeMessages.hostInvitation(invitation.hostName(), lastDay, baseUrl.link(invitation.path())),
                null, clock.instant()));
    }

    /** The session, unless it is gone or already over. */
    private Optional<SessionDetail> upcoming(long sessionId) {
        return programme.session(sessionId).filter(session -> !session.hasEnded(clock.instant()));
    }

    /**
     * One message for each person with the session on their agenda who wants this topic, keyed by the person and
     * the change ({@code kind:userId:changeId}).
     */
    private void toAgendas(SessionDetail session, MailTopic topic, String kind, long changeId,
                           Function<String, MailContent> content) {
        Instant now = clock.instant();
        int added = 0;
        List<NotificationQueries.Recipient> onAgenda = people.withOnAgenda(session.id());
        Map<Long, String> wanting = preferences.unsubscribeUrlsOfThoseWanting(
                onAgenda.stream().map(NotificationQueries.Recipient::userId).toList(), topic);
        for (NotificationQueries.Recipient person : onAgenda) {
            String unsubscribe = wanting.get(person.userId());
            if (unsubscribe == null) {
                continue;
            }
            if (outbox.enqueue(new OutgoingMail(kind + ":" + person.userId() + ":" + changeId, kind,
                    person.userId(), person.email(), content.apply(unsubscribe), unsubscribe, now))) {
                added++;
            }
        }
        log.info("{} email for session {}: {} added to the outbox", kind, session.id(), added);
    }

    private String sessionUrl(SessionDetail session) {
        return baseUrl.link("/sessions/" + session.id());
    }
}
