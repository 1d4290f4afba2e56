package org.convene.captions;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What the host's captions page shows about a session: its times, the CART address, how many final lines the
 * transcript has, and whether it is published (with the version a change is checked against).
 */
public record TranscriptState(long sessionId, Instant startsAt, Instant endsAt, boolean ended,
                              @Nullable String cartUrl, int finalLines, @Nullable Instant publishedAt, int version,
                              String captionsFileUrl, String transcriptUrl) {

    public boolean published() {
        return publishedAt != null;
    }
}
