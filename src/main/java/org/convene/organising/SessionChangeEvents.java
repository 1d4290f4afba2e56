package org.convene.organising;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the application what the database recorded about a session's changes. What counts as a
 * move, a cancellation or a restoration is decided once, by the trigger that writes {@code session_change} (the
 * same rows the agenda's notices read), so an edit of a description is never announced as a move.
 * <p>
 * Take a {@link #mark} before writing and {@link #announce} after: every change recorded in between is
 * published, in the caller's transaction, so listeners' writes commit or roll back with it.
 */
@Component
class SessionChangeEvents {

    private final SessionChangeQueries changes;
    private final ApplicationEventPublisher events;

    SessionChangeEvents(SessionChangeQueries changes, ApplicationEventPublisher events) {
        this.changes = changes;
        this.events = events;
    }

    long mark(long sessionId) {
        return changes.lastChangeId(sessionId);
    }

    void announce(long sessionId, long mark) {
        for (SessionChangeQueries.RecordedChange change : changes.changesSince(sessionId, mark)) {
            events.publishEvent(switch (change.kind()) {
                case MOVED -> new SessionRescheduled(sessionId, change.id(), change.oldStartsAt(),
                        change.oldEndsAt(), change.newStartsAt(), change.newEndsAt());
                case CANCELLED -> new SessionCancelled(sessionId, change.id(), change.reason());
                case RESTORED -> new SessionRestored(sessionId, change.id());
            });
        }
    }
}
