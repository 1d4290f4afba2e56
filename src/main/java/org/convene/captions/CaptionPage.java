package org.convene.captions;

import java.util.List;

/**
 * Consecutive lines of a session in line order, what the pane shows first or adds when asked for earlier lines.
 *
 * @param lastChange the newest change the read saw: live changes up to it are already in these lines
 * @param hasEarlier whether lines before the first of these exist
 */
public record CaptionPage(List<CaptionLine> lines, long lastChange, boolean hasEarlier) {

    public CaptionPage {
        lines = List.copyOf(lines);
    }
}
