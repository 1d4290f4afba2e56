package org.convene.programme;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A session as an editor form or an import row describes it, before it is checked and written. Ids of track and
 * host may be null (none chosen); text fields hold what the person typed, trimmed.
 *
 * @param reference the organiser's own code for the session ("CPW-014"), which a CSV import matches on; optional
 */
public record SessionDraft(long conferenceId, @Nullable String reference, String title, String summaryMarkdown,
                           @Nullable SessionFormat format, @Nullable Instant startsAt, @Nullable Instant endsAt,
                           @Nullable Long trackId, @Nullable Long hostId, @Nullable String joinUrl,
                           @Nullable Integer capacity, Set<AccessFeature> access, @Nullable String accessNotes) {

    public SessionDraft {
        reference = blankToNull(reference);
        title = title == null ? "" : title.strip();
        summaryMarkdown = summaryMarkdown == null ? "" : summaryMarkdown.strip();
        joinUrl = blankToNull(joinUrl);
        accessNotes = blankToNull(accessNotes);
        access = access == null || access.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(access));
    }

    public boolean offers(AccessFeature feature) {
        return access.contains(feature);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
