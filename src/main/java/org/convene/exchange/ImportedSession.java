package org.convene.exchange;

import org.convene.programme.SessionFormat;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event of an imported schedule, understood and checked, ready to write. Links and guid may be null. */
record ImportedSession(@Nullable UUID guid, String room, String title, String summaryMarkdown, SessionFormat format,
                       Instant startsAt, Instant endsAt, @Nullable String joinUrl, @Nullable String recordingUrl,
                       List<Speaker> speakers) {

    ImportedSession {
        speakers = List.copyOf(speakers);
    }

    ImportedSession withJoinUrl(@Nullable String url) {
        return new ImportedSession(guid, room, title, summaryMarkdown, format, startsAt, endsAt, url, recordingUrl,
                speakers);
    }

    record Speaker(String name, @Nullable String bio) {
    }
}
