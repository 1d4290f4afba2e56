package org.convene.organising;

import org.convene.agenda.AgendaNotice;
import org.convene.programme.SessionTimesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the application what the database recorded about a session's changes. What counts as a
 * move, a cancellation or a restoration is decided once, by the trigger that writes {@code session_change} (the
 * same rows the agenda's notices read), so an edit of a description is never announced as a move.
 * <p>
 * Take a {@link #mark} before writing and {@link #announce} after: every change recorded in between is
 * published (a move also as programme's {@link SessionTimesChanged}), in the caller's transaction, so listeners' writes commit or roll back with it. Every writer of a
 * session's times uses it: the session editor, cancelling and restoring, and both imports (exchange).
 */
@Component
public class SessionChangeEvents {

    private final SessionChangeQueries changes;
    private final ApplicationEventPublisher events;

    SessionChangeEvents(SessionChangeQueries changes, ApplicationEventPublisher events) {
        this.changes = changes;
        this.events = events;
    }

    /** The point after which {@link #announce} looks for recorded changes of the session. */
    public long mark(long sessionId) {
        return changes.lastChangeId(sessionId);
    }

    /** Publishes, in the caller's transaction, every change of the session recorded since the mark. */
    public void announce(long sessionId, long mark) {
        for (SessionChangeQueries.RecordedChange change : changes.changesSince(sessionId, mark)) {
            if (change.kind() == AgendaNotice.Kind.MOVED) {
                // every move, also of a session already over (its times corrected after the event)
                events.publishEvent(new SessionTimesChanged(sessionId, change.oldStartsAt(), change.oldEndsAt(),
                        change.newStartsAt(), change.newEndsAt()));
            }
            events.publishEvent(switch (change.kind()) {
                case MOVED -> new SessionRescheduled(sessionId, change.id(), change.oldStartsAt(),
                        change.oldEndsAt(), change.newStartsAt(), change.newEndsAt());
                case CANCELLED -> new SessionCancelled(sessionId, change.id(), change.reason());
                case RESTORED -> new SessionRestored(sessionId, change.id());
            });
        }
    }
}
