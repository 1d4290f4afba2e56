package org.convene.recordings;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A session's recording as the publishing form loads it. {@code current} holds the published values (all
 * null before publishing); {@code version} goes back with the next change to detect someone else's edit.
 */
public record RecordingEdit(long sessionId, String title, Instant startsAt, Instant endsAt, ZoneId zone,
                            boolean cancelled, int version, RecordingDraft current, @Nullable Instant publishedAt) {

    public boolean published() {
        return current.url() != null;
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt);
    }
}
