package org.convene.organising;

import org.convene.programme.SessionRules;

import java.util.List;

/** What happened when a session was saved from a form; only {@link Saved} wrote anything. */
public sealed interface SessionSaveResult {

    /** Written; {@code version} is what the next update must send back. */
    record Saved(long sessionId, int version) implements SessionSaveResult {
    }

    /** The draft breaks at least one rule; the problems are in the order of the form. */
    record Invalid(List<SessionRules.Problem> problems) implements SessionSaveResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Other sessions in the same track overlap in time. Not an error (a track may run two small groups at
     * once), so the person may save again with the overlap confirmed.
     */
    record OverlapWarning(List<String> overlappingTitles) implements SessionSaveResult {
        public OverlapWarning {
            overlappingTitles = List.copyOf(overlappingTitles);
        }
    }

    /** Someone else saved the session after this person loaded it; nothing was written. */
    record Conflict() implements SessionSaveResult {
    }
}
