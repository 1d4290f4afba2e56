package org.convene.exchange;

import org.convene.programme.SessionDraft;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One session of an imported CSV file as the preview shows it, with everything confirming needs: the draft
 * (track and host ids are null where the track or host is {@code newTrack}/{@code newHost}, created on confirm),
 * the session it updates and the version read at preview time, so that confirming refuses to overwrite a change
 * made in between.
 *
 * @param facilitatorUserIds accounts to make the session's facilitators; null when the file has no
 *                           facilitator emails column, which leaves facilitators as they are
 * @param changedColumns     for an update, the template columns whose value differs from the session's
 */
public record CsvImportRow(int line, Action action, SessionDraft draft, @Nullable String trackName, boolean newTrack,
                           @Nullable String hostName, boolean newHost, @Nullable List<Long> facilitatorUserIds,
                           @Nullable Long sessionId, @Nullable Integer expectedVersion, List<String> changedColumns,
                           List<CsvImportProblem> problems) {

    public enum Action {
        CREATE("Create"), UPDATE("Update"), UNCHANGED("Unchanged");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CsvImportRow {
        facilitatorUserIds = facilitatorUserIds == null ? null : List.copyOf(facilitatorUserIds);
        changedColumns = List.copyOf(changedColumns);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public @Nullable String reference() {
        return draft.reference();
    }
}
