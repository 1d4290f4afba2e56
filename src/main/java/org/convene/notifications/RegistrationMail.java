package org.convene.notifications;

import org.convene.agenda.RegistrationAnswered;
import org.convene.core.PublicBaseUrl;
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
 * Tells someone the hosts' answer to their request for a place. Runs in the transaction that stored the answer,
 * so the email commits with it or not at all. Like a place given from a waiting list, it is news about a session
 * the person chose: it follows their choice for change emails ({@link MailTopic#SESSION_CHANGES}) and goes only to a
 * confirmed address.
 */
@Component
class RegistrationMail {

    private final NotificationQueries people;
    private final ProgrammeService programme;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    RegistrationMail(NotificationQueries people, ProgrammeService programme, MailPreferences preferences,
                     Outbox outbox, PublicBaseUrl baseUrl, Clock clock) {
        this.people = people;
        this.programme = programme;
        this.preferences = preferences;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Keyed by the person, the session and this one answer: asking again after a decline is news again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void answered(RegistrationAnswered answered) {
        Optional<SessionDetail> found = programme.session(answered.sessionId())
                .filter(session -> !session.hasEnded(clock.instant()) && !session.cancelled());
        Optional<NotificationQueries.Recipient> person = people.confirmedAccount(answered.userId());
        if (found.isEmpty() || person.isEmpty()) {
            return;
        }
        String unsubscribe = preferences.unsubscribeUrlsOfThoseWanting(List.of(answered.userId()),
                MailTopic.SESSION_CHANGES).get(answered.userId());
        if (unsubscribe == null) {
            return;
        }
        SessionDetail session = found.get();
        outbox.enqueue(new OutgoingMail(
                "registration-answer:" + answered.userId() + ":" + session.id() + ":" + answered.answerId(),
                answered.approved() ? "registration-approved" : "registration-declined",
                answered.userId(), person.get().email(),
                ChangeMessages.registrationAnswered(SessionFacts.of(session), answered.approved(), answered.message(),
                        baseUrl.link("/sessions/" + session.id()), baseUrl.link("/agenda"), unsubscribe),
                unsubscribe, clock.instant()));
    }
}
