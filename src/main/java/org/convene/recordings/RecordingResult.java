package org.convene.recordings;

import java.util.List;

/** What happened to a publish or unpublish: the page shows each case in its own words. */
public sealed interface RecordingResult {

    /** Written; {@code version} is the session's new version, for the next change from the same form. */
    record Saved(int version) implements RecordingResult {
    }

    /** Nothing written: each problem names its field with a message for beside it and in the error summary. */
    record Invalid(List<Problem> problems) implements RecordingResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Someone changed the session since the form was loaded; nothing written. */
    record Conflict() implements RecordingResult {
    }

    /** The session cannot have a recording now (not ended yet, or cancelled); the message says why. */
    record Refused(String message) implements RecordingResult {
    }

    record Problem(RecordingDraft.Field field, String message) {
    }
}
