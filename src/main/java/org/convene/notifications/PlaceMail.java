package org.convene.notifications;

import org.convene.agenda.PlaceGiven;
import org.convene.agenda.RegistrationAnswered;
import org.convene.core.PublicBaseUrl;
import org.convene.mail.MailContent;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Tells someone about their place at a session: one given to them from a waiting list, or the hosts' answer to
 * their request for one. Runs in the transaction that gave the place or stored the answer, so the email commits
 * with it or not at all. It is news about a session the person chose: it follows their choice for change emails
 * ({@link MailTopic#SESSION_CHANGES}) and goes only to a confirmed address.
 */
@Component
class PlaceMail {

    private final NotificationQueries people;
    private final ProgrammeService programme;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    PlaceMail(NotificationQueries people, ProgrammeService programme, MailPreferences preferences, Outbox outbox,
              PublicBaseUrl baseUrl, Clock clock) {
        this.people = people;
        this.programme = programme;
        this.preferences = preferences;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Keyed by the person, the session and this one offer: a place given again after leaving is news again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void placeGiven(PlaceGiven given) {
        send(given.userId(), given.sessionId(), "place-given:" + given.userId() + ":" + given.sessionId() + ":"
                + given.placeGivenId(), "place-given", (session, unsubscribe) -> ChangeMessages.placeGiven(
                SessionFacts.of(session), sessionLink(session), baseUrl.link("/agenda"), unsubscribe));
    }

    /** Keyed by the person, the session and this one answer: asking again after a decline is news again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void answered(RegistrationAnswered answered) {
        send(answered.userId(), answered.sessionId(), "registration-answer:" + answered.userId() + ":"
                        + answered.sessionId() + ":" + answered.answerId(),
                answered.approved() ? "registration-approved" : "registration-declined",
                (session, unsubscribe) -> ChangeMessages.registrationAnswered(SessionFacts.of(session),
                        answered.approved(), answered.message(), sessionLink(session), baseUrl.link("/agenda"),
                        unsubscribe));
    }

    private interface Message {
        MailContent write(SessionDetail session, String unsubscribe);
    }

    /** Nothing for a session that is over or cancelled, an unconfirmed address, or someone who turned these off. */
    private void send(long userId, long sessionId, String key, String kind, Message message) {
        Optional<SessionDetail> found = programme.session(sessionId)
                .filter(session -> !session.hasEnded(clock.instant()) && !session.cancelled());
        Optional<NotificationQueries.Recipient> person = people.confirmedAccount(userId);
        if (found.isEmpty() || person.isEmpty()) {
            return;
        }
        String unsubscribe = preferences.unsubscribeUrlsOfThoseWanting(List.of(userId), MailTopic.SESSION_CHANGES)
                .get(userId);
        if (unsubscribe == null) {
            return;
        }
        outbox.enqueue(new OutgoingMail(key, kind, userId, person.get().email(),
                message.write(found.get(), unsubscribe), unsubscribe, clock.instant()));
    }

    private String sessionLink(SessionDetail session) {
        return baseUrl.link("/sessions/" + session.id());
    }
}
