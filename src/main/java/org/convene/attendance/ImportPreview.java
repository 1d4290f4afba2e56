package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** What an uploaded report holds, before anything is saved. */
public sealed interface ImportPreview {

    /** Nothing can be imported from this file; each problem names its line. */
    record Refused(List<String> problems) implements ImportPreview {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param people         different participants (by name and email)
     * @param matchedPeople  of them, those whose email belongs to an account with a confirmed address
     * @param outsideSession stays wholly before or after the session, which count nowhere
     * @param replaces       the earlier import of the same tool this one would replace
     */
    record Ready(MeetingTool tool, List<Row> rows, List<String> notes, int people, int matchedPeople,
                 int outsideSession, @Nullable ImportSummary replaces) implements ImportPreview {
        public Ready {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    /** One stay as read, with the account it matched (null: none). */
    record Row(int line, String name, @Nullable String email, Instant joinedAt, Instant leftAt,
               @Nullable String account) {
    }
}
