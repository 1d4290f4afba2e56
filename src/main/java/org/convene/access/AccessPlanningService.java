package org.convene.access;

import org.convene.core.PublicBaseUrl;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.mail.Outbox;
import org.convene.mail.OutgoingMail;
import org.convene.organising.AccessFeaturesWithdrawn;
import org.convene.programme.AccessFeature;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Planning access for a session: the counts of needs its hosts and facilitators see (never names), the state
 * of each feature it advertises, and telling the people who need a feature when its promise is withdrawn (a
 * notice on their agenda and an email through the outbox, in the same transaction).
 */
@Service
@Transactional
public class AccessPlanningService {

    private static final Logger log = LoggerFactory.getLogger(AccessPlanningService.class);

    private final AccessNeedsRepository needs;
    private final ArrangementRepository arrangements;
    private final ProgrammeService programme;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    AccessPlanningService(AccessNeedsRepository needs, ArrangementRepository arrangements, ProgrammeService programme,
                          ProgrammePermissions permissions, CurrentUser currentUser, MailPreferences preferences,
                          Outbox outbox, PublicBaseUrl baseUrl, Clock clock) {
        this.needs = needs;
        this.arrangements = arrangements;
        this.programme = programme;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.preferences = preferences;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    // ---- counts --------------------------------------------------------------------------------------------

    /** Whether the signed-in person may see the session's counts: who manages it, and its facilitators. */
    @Transactional(readOnly = true)
    public boolean maySeeCounts(long sessionId) {
        return currentUser.get().map(user -> maySeeCounts(user, sessionId)).orElse(false);
    }

    /** The counts of needs among people with the session on their agenda; refused to anyone else. */
    @Transactional(readOnly = true)
    public NeedCounts counts(long sessionId) {
        ConveneUser user = currentUser.require();
        if (!maySeeCounts(user, sessionId)) {
            throw new AccessDeniedException("Only the session's hosts, its facilitators and organisers can see "
                    + "how many people need each kind of access.");
        }
        return needs.counts(sessionId);
    }

    private boolean maySeeCounts(ConveneUser user, long sessionId) {
        return permissions.mayManageSession(user, sessionId) || arrangements.isFacilitatorOf(sessionId, user.id());
    }

    // ---- arrangements --------------------------------------------------------------------------------------

    /** Each feature the session advertises with its state, for the people who manage it. */
    @Transactional(readOnly = true)
    public List<Arrangement> arrangements(long sessionId) {
        permissions.requireSession(sessionId);
        return arrangementsOf(session(sessionId));
    }

    /** What attendees are told: only features booked or confirmed (a request promises nothing yet). */
    @Transactional(readOnly = true)
    public List<Arrangement> forAttendees(SessionDetail session) {
        return arrangementsOf(session).stream().filter(a -> a.state().worthTellingAttendees()).toList();
    }

    private List<Arrangement> arrangementsOf(SessionDetail session) {
        Map<AccessFeature, ArrangementState> states = arrangements.states(session.id());
        return session.access().stream().sorted()
                .map(f -> new Arrangement(f, states.getOrDefault(f, ArrangementState.REQUESTED))).toList();
    }

    /**
     * Sets a feature's state. Setting a confirmed feature back takes the promise back: the people who need it
     * are told. Returns whether it did.
     */
    public boolean setState(long sessionId, AccessFeature feature, ArrangementState state) {
        ConveneUser user = permissions.requireSession(sessionId);
        SessionDetail session = session(sessionId);
        if (!session.access().contains(feature)) {
            throw new IllegalArgumentException("The session does not offer " + feature);
        }
        ArrangementState before = arrangements.lockState(sessionId, feature);
        arrangements.setState(sessionId, feature, state, clock.instant());
        log.info("Access arrangement {} of session {} set from {} to {} by user {}", feature, sessionId, before,
                state, user.id());
        if (Withdrawal.takesBackPromise(before, state)) {
            tell(session, arrangements.recordWithdrawal(sessionId, feature, Withdrawal.Kind.NO_LONGER_CONFIRMED,
                    clock.instant()));
            return true;
        }
        return false;
    }

    /** The session editor took features off a session: each is a withdrawal, and its state is forgotten. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void featuresWithdrawn(AccessFeaturesWithdrawn withdrawn) {
        SessionDetail session = session(withdrawn.sessionId());
        for (AccessFeature feature : withdrawn.features().stream().sorted().toList()) {
            arrangements.forget(session.id(), feature);
            tell(session, arrangements.recordWithdrawal(session.id(), feature, Withdrawal.Kind.NO_LONGER_OFFERED,
                    clock.instant()));
        }
    }

    // ---- telling people ------------------------------------------------------------------------------------

    /**
     * A notice on the agenda of everyone who needs the feature and has the session on their agenda, and an
     * email to those of them with a confirmed address who want session changes. Nothing for a session that is
     * over. One of each per person and withdrawal: the notice's key and the email's idempotency key name both.
     */
    private void tell(SessionDetail session, Withdrawal withdrawal) {
        Instant now = clock.instant();
        if (!session.endsAt().isAfter(now)) {
            return;
        }
        List<ArrangementRepository.Recipient> people = arrangements.needingOnAgenda(session.id(), withdrawal.feature());
        Map<Long, String> wanting = preferences.unsubscribeUrlsOfThoseWanting(
                people.stream().filter(p -> p.email() != null).map(ArrangementRepository.Recipient::userId).toList(),
                MailTopic.SESSION_CHANGES);
        int notices = 0;
        int emails = 0;
        for (ArrangementRepository.Recipient person : people) {
            if (arrangements.addNotice(withdrawal.id(), person.userId())) {
                notices++;
            }
            String unsubscribe = wanting.get(person.userId());
            String email = person.email();
            if (unsubscribe == null || email == null) {
                continue;
            }
            if (outbox.enqueue(new OutgoingMail("access-withdrawn:" + person.userId() + ":" + session.id() + ":"
                    + withdrawal.feature() + ":" + withdrawal.id(), "access-withdrawn", person.userId(), email,
                    AccessMessages.withdrawn(session.title(), withdrawal.feature(), withdrawal.kind(),
                            session.startsAt(), session.endsAt(), session.conference().timeZone(),
                            baseUrl.link("/sessions/" + session.id()), unsubscribe),
                    unsubscribe, now))) {
                emails++;
            }
        }
        log.info("Access withdrawal {} ({} of session {}): {} agenda notices, {} emails", withdrawal.id(),
                withdrawal.feature(), session.id(), notices, emails);
    }

    // ---- the agenda's notices ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AccessNotice> myNotices() {
        return arrangements.notices(currentUser.require().id(), clock.instant());
    }

    public boolean dismiss(long withdrawalId) {
        return arrangements.dismiss(currentUser.require().id(), withdrawalId, clock.instant());
    }

    private SessionDetail session(long sessionId) {
        return programme.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }
}
