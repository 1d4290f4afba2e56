package org.convene.recordings;

import org.convene.programme.AccessFeature;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which recordings of a conference the library lists. Every part is optional: a day of the conference (in its
 * own time zone), one track, one host, access features a session must all have, and only the sessions on my
 * agenda (which lists nothing for someone not signed in).
 */
public record RecordingFilter(@Nullable LocalDate day, @Nullable Long trackId, @Nullable Long hostId,
                              Set<AccessFeature> access, boolean onlyMyAgenda) {

    public RecordingFilter {
        access = access == null || access.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(access));
    }

    public static RecordingFilter all() {
        return new RecordingFilter(null, null, null, Set.of(), false);
    }
}
