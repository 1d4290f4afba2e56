package org.convene.captions;

import java.util.List;

/**
 * Lines of a session that changed since the last update this node read, in change order. A line revised twice
 * in between appears once, as it is now.
 *
 * @param reread true after a gap (a lost notice connection, or too many changes at once): readers should drop
 *               what they show and read the latest page again
 */
public record CaptionUpdate(long sessionId, List<CaptionLine> lines, boolean reread) {

    public CaptionUpdate {
        lines = List.copyOf(lines);
    }

    public long lastChange() {
        return lines.isEmpty() ? 0 : lines.getLast().change();
    }
}
