package org.convene.attendance;

/**
 * One page's stay at a session, as handed out by {@link AttendanceService#arrived}. It lives only in server
 * memory (never sent to the browser), so heartbeats and leaving can be recorded even when the request that
 * ends the stay carries no signed-in user (a UI cleaned up after its tab was closed).
 */
public final class AttendanceVisit {

    private final long sessionId;
    private final long userId;
    private volatile long intervalId;

    AttendanceVisit(long sessionId, long userId, long intervalId) {
        this.sessionId = sessionId;
        this.userId = userId;
        this.intervalId = intervalId;
    }

    public long sessionId() {
        return sessionId;
    }

    /** The interval currently recorded for this stay; a stay that resumed after a long pause gets a new one. */
    public long intervalId() {
        return intervalId;
    }

    long userId() {
        return userId;
    }

    void continueIn(long interval) {
        this.intervalId = interval;
    }
}
