package org.convene.recordings;

import org.convene.programme.AccessFeature;
import org.convene.programme.HostRef;
import org.convene.programme.TrackRef;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * A published recording as the library lists it. Track, host, captions, transcript and easy read may be null.
 *
 * @param onMyAgenda the signed-in person had the session on their agenda
 */
public record RecordingListItem(long sessionId, String title, Instant startsAt, Instant endsAt, TrackRef track,
                                HostRef host, Set<AccessFeature> access, String url, String captionsUrl,
                                String transcriptUrl, String easyReadSummary, boolean onMyAgenda,
                                @Nullable String bslUrl) {

    public RecordingListItem {
        access = Set.copyOf(access);
    }
}
