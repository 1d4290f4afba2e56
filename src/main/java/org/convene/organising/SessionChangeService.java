package org.convene.organising;

import org.convene.core.TextRule;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.SessionStatus;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Cancelling and restoring sessions. The database records every cancellation, restoration and move (a trigger
 * writes session_change), and the agenda feature reads those records for the notices people see. Each is also
 * published as an event ({@link SessionCancelled}, {@link SessionRestored}) in the same transaction, for the
 * email it causes.
 */
@Service
@Transactional
public class SessionChangeService {

    private static final Logger log = LoggerFactory.getLogger(SessionChangeService.class);

    public static final int REASON_MAX = 500;

    private final SessionChangeQueries changes;
    private final SessionChangeEvents events;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final Clock clock;

    SessionChangeService(SessionChangeQueries changes, SessionChangeEvents events, ProgrammePermissions permissions,
                         CurrentUser currentUser, Clock clock) {
        this.changes = changes;
        this.events = events;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The session as the cancel page shows it; only for those who may change the session. */
    @Transactional(readOnly = true)
    public SessionStatus status(long sessionId) {
        permissions.requireSession(sessionId);
        return changes.status(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    /** @param reason shown to attendees; optional */
    public SessionChangeResult cancel(long sessionId, int expectedVersion, String reason) {
        ConveneUser user = permissions.requireSession(sessionId);
        changes.status(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        String cleaned = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleaned != null && cleaned.length() > REASON_MAX) {
            return new SessionChangeResult.Invalid("Reason must be " + REASON_MAX + " characters or fewer");
        }
        var unstorable = TextRule.problem("The reason", cleaned, TextRule.Lines.MANY);
        if (unstorable.isPresent()) {
            return new SessionChangeResult.Invalid(unstorable.get());
        }
        long mark = events.mark(sessionId);
        if (!changes.cancel(sessionId, expectedVersion, cleaned, clock.instant())) {
            return new SessionChangeResult.Conflict();
        }
        events.announce(sessionId, mark);
        log.info("Session {} cancelled by user {}", sessionId, user.id());
        return new SessionChangeResult.Done(expectedVersion + 1);
    }

    public SessionChangeResult restore(long sessionId, int expectedVersion) {
        ConveneUser user = permissions.requireSession(sessionId);
        changes.status(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        long mark = events.mark(sessionId);
        if (!changes.restore(sessionId, expectedVersion)) {
            return new SessionChangeResult.Conflict();
        }
        events.announce(sessionId, mark);
        log.info("Session {} restored by user {}", sessionId, user.id());
        return new SessionChangeResult.Done(expectedVersion + 1);
    }
}
