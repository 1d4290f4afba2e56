package org.convene.accesshelp;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What facilitators see live: how many of each kind were sent in the last {@link AccessHelpLimits#RECENT_WINDOW}
 * (every kind present, zero when none), the newest notes of that stretch, newest first, and the moment it was read.
 */
public record HelpSummary(long sessionId, Map<HelpKind, Integer> counts, List<HelpNote> notes, Instant readAt) {

    public HelpSummary {
        EnumMap<HelpKind, Integer> all = new EnumMap<>(HelpKind.class);
        for (HelpKind kind : HelpKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0));
        }
        counts = java.util.Collections.unmodifiableMap(all);
        notes = List.copyOf(notes);
    }

    public int count(HelpKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
