package org.convene.agenda;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts' side of registration by approval: the requests waiting for a session, approving (which takes a place
 * under the session's row lock, as adding does) and declining with an optional message. Only the session's
 * managers ({@link ProgrammePermissions}) may do any of it; the person asking uses {@link AgendaService}.
 * <p>
 * Approving when no place is left is refused ({@link ApprovalOutcome#FULL}) rather than putting the person on the
 * waiting list: the hosts chose who comes, so they decide whether to raise the places or decline.
 */
@Service
@Transactional
public class RegistrationRequests {

    /** The most a decline's message may say; the database's check and the page's field use the same number. */
    public static final int MESSAGE_MAX = 500;
    /** The field of a decline's problem. */
    public static final String MESSAGE = "message";

    private static final Logger log = LoggerFactory.getLogger(RegistrationRequests.class);

    private final RegistrationQueries requests;
    private final PlaceQueries places;
    private final AgendaQueries agenda;
    private final ProgrammePermissions permissions;
    private final ProgrammeService programme;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationRequests(RegistrationQueries requests, PlaceQueries places, AgendaQueries agenda,
                         ProgrammePermissions permissions, ProgrammeService programme,
                         ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.places = places;
        this.agenda = agenda;
        this.permissions = permissions;
        this.programme = programme;
        this.events = events;
        this.clock = clock;
    }

    /** The session, for its requests page; refused to anyone who may not manage it. */
    @Transactional(readOnly = true)
    public SessionDetail forManaging(long sessionId) {
        permissions.requireSession(sessionId);
        return programme.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    @Transactional(readOnly = true)
    public int countPending(long sessionId) {
        permissions.requireSession(sessionId);
        return requests.countPending(sessionId);
    }

    /** One page of the requests waiting, first asked first. */
    @Transactional(readOnly = true)
    public List<RegistrationRequest> pending(long sessionId, int offset, int limit) {
        permissions.requireSession(sessionId);
        return requests.pending(sessionId, offset, limit);
    }

    /** Puts the session on the person's agenda, taking a place if it has places, and tells them. */
    public ApprovalOutcome approve(long sessionId, long requestId) {
        ConveneUser host = permissions.requireSession(sessionId);
        PlaceQueries.LockedSession session = places.lock(sessionId)
                .orElseThrow(() -> new NoSuchSessionException(sessionId));
        Optional<Long> asker = requests.asker(requestId, sessionId);
        if (asker.isEmpty()) {
            return ApprovalOutcome.GONE;
        }
        Integer capacity = session.capacity();
        // people already in line (from before the session needed approval) come first, as for adding
        if (capacity != null && (places.taken(sessionId) >= capacity || places.firstWaiting(sessionId).isPresent())) {
            return ApprovalOutcome.FULL;
        }
        long userId = requests.take(requestId, sessionId).orElseThrow();
        Instant now = clock.instant();
        agenda.add(userId, sessionId, now);
        places.leaveWaitingList(userId, sessionId);
        long answer = requests.answer(userId, sessionId, true, null, now);
        events.publishEvent(new RegistrationAnswered(answer, userId, sessionId, true, null));
        log.info("Registration request {} for session {} approved by user {}", requestId, sessionId, host.id());
        return ApprovalOutcome.APPROVED;
    }

    /**
     * Turns the request down and tells the person, with the hosts' message if they wrote one. Saved(false) when the
     * request was no longer waiting (withdrawn, or answered by another host).
     */
    public SaveResult<Boolean> decline(long sessionId, long requestId, @Nullable String message) {
        ConveneUser host = permissions.requireSession(sessionId);
        String text = message == null || message.isBlank() ? null : message.strip();
        Optional<String> problem = messageProblem(text);
        if (problem.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(MESSAGE, problem.get()));
        }
        Optional<Long> userId = requests.take(requestId, sessionId);
        if (userId.isEmpty()) {
            return new SaveResult.Saved<>(false);
        }
        long answer = requests.answer(userId.get(), sessionId, false, text, clock.instant());
        events.publishEvent(new RegistrationAnswered(answer, userId.get(), sessionId, false, text));
        log.info("Registration request {} for session {} declined by user {}", requestId, sessionId, host.id());
        return new SaveResult.Saved<>(true);
    }

    /** The one rule for a decline's message, for the service and the page. */
    public static Optional<String> messageProblem(@Nullable String text) {
        if (text != null && text.length() > MESSAGE_MAX) {
            return Optional.of("The message must be " + MESSAGE_MAX + " characters or fewer. It has "
                    + text.length() + ".");
        }
        return TextRule.problem("The message", text, TextRule.Lines.MANY);
    }
}
