package org.convene.notifications;

import org.convene.agenda.PlaceGiven;
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
 * Tells someone on a waiting list that a place is now theirs. Runs in the transaction that gave the place, so the
 * email commits with it or not at all. It is news about a session the person chose, so it follows their choice for
 * change emails ({@link MailTopic#SESSION_CHANGES}), and goes only to a confirmed address.
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
        Optional<SessionDetail> found = programme.session(given.sessionId())
                .filter(session -> !session.hasEnded(clock.instant()) && !session.cancelled());
        Optional<NotificationQueries.Recipient> person = people.confirmedAccount(given.userId());
        if (found.isEmpty() || person.isEmpty()) {
            return;
        }
        String unsubscribe = preferences.unsubscribeUrlsOfThoseWanting(List.of(given.userId()),
                MailTopic.SESSION_CHANGES).get(given.userId());
        if (unsubscribe == null) {
            return;
        }
        SessionDetail session = found.get();
        outbox.enqueue(new OutgoingMail(
                "place-given:" + given.userId() + ":" + session.id() + ":" + given.placeGivenId(), "place-given",
                given.userId(), person.get().email(),
                ChangeMessages.placeGiven(SessionFacts.of(session), baseUrl.link("/sessions/" + session.id()),
                        baseUrl.link("/agenda"), unsubscribe),
                unsubscribe, clock.instant()));
    }
}
