package org.convene.qa;

import java.util.List;

/** The events a node has just read for one session, in seq order per stream. Delivered after commit. */
public record QaUpdate(long sessionId, List<QaEvent> publicEvents, List<QaEvent> moderationEvents) {

    public boolean isEmpty() {
        return publicEvents.isEmpty() && moderationEvents.isEmpty();
    }
}
