package org.convene.accesshelp;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** The whole session's signals for its report: one line per kind (in {@link HelpKind} order) and every note. */
public record HelpTotals(long sessionId, List<KindTotal> kinds, List<HelpNote> notes) {

    /** first and last are null when nobody sent this kind. */
    public record KindTotal(HelpKind kind, int count, @Nullable Instant first, @Nullable Instant last) {
    }

    public HelpTotals {
        kinds = List.copyOf(kinds);
        notes = List.copyOf(notes);
    }

    public int total() {
        return kinds.stream().mapToInt(KindTotal::count).sum();
    }
}
