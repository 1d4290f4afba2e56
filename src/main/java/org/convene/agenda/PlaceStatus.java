package org.convene.agenda;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A session's places as one person sees them.
 *
 * @param capacity null for a session without places (anyone may come: walk-ins)
 * @param closed   registration closed at the time the host chose
 * @param needsApproval the hosts approve each registration: people ask for a place
 * @param taken    places taken (people with the session on their agenda)
 * @param waiting  people on the waiting list
 * @param mine     the person has the session on their agenda (holds a place, when it has places)
 * @param position the person's number on the waiting list, 1 for the first; 0 when not waiting
 * @param requested the person asked for a place and the hosts have not answered yet
 */
public record PlaceStatus(@Nullable Integer capacity, boolean closed, boolean needsApproval, int taken, int waiting,
                          boolean mine, int position, boolean requested) {

    /** What the person can do next, in the order the checks apply. */
    public enum State {
        /** On my agenda: I can remove it. */
        ON_AGENDA,
        /** On the waiting list: I can leave it. */
        WAITING,
        /** I asked for a place and wait for the hosts' answer: I can withdraw the request. */
        REQUESTED,
        /** Registration has closed: nothing to do. */
        CLOSED,
        /** The hosts approve each place: I can ask for one. */
        ASK,
        /** No place left: I can join the waiting list. */
        FULL,
        /** I can add it (and take a place, if it has places). */
        OPEN
    }

    /** Someone not signed in, or a session nobody could find, sees it open: the service decides on a click. */
    public static final PlaceStatus UNKNOWN = new PlaceStatus(null, false, false, 0, 0, false, 0, false);

    static PlaceStatus of(@Nullable Integer capacity, @Nullable Instant closesAt, Instant now, boolean needsApproval,
                          int taken, int waiting, boolean mine, int position, boolean requested) {
        return new PlaceStatus(capacity, closesAt != null && !now.isBefore(closesAt), needsApproval, taken, waiting,
                mine, position, requested);
    }

    public State state() {
        if (mine) {
            return State.ON_AGENDA;
        }
        if (position > 0) {
            return State.WAITING;
        }
        if (requested) {
            return State.REQUESTED;
        }
        if (closed) {
            return State.CLOSED;
        }
        if (needsApproval) {
            return State.ASK;
        }
        return isFull() ? State.FULL : State.OPEN;
    }

    public boolean hasPlaces() {
        return capacity != null;
    }

    /** A place is free only when nobody waits for it: people in line come first. */
    public boolean isFull() {
        return capacity != null && (taken >= capacity || waiting > 0);
    }

    public int left() {
        return capacity == null ? 0 : Math.max(0, capacity - taken);
    }

    /** "7 of 20 places left", "Full. 4 people are waiting.", or null for a session without places. */
    public @Nullable String summary() {
        if (capacity == null) {
            return null;
        }
        if (left() > 0 && waiting == 0) {
            return left() + " of " + capacity + (capacity == 1 ? " place" : " places") + " left.";
        }
        return switch (waiting) {
            case 0 -> "Full. Nobody is waiting yet.";
            case 1 -> "Full. 1 person is waiting.";
            default -> "Full. " + waiting + " people are waiting.";
        };
    }

    /** "You are number 3 on the waiting list." (or "next", for number 1). */
    public static String positionText(int position) {
        return position == 1 ? "You are next on the waiting list." : "You are number " + position
                + " on the waiting list.";
    }
}
