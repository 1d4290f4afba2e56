package org.convene.exchange;

import java.util.List;
import java.util.stream.Stream;

/**
 * What importing a CSV file would do, worked out without writing anything. {@code fileProblems} are about the
 * file as a whole (empty, not a CSV, a required column missing, too large): with any of them there are no rows.
 * {@code warnings} never stop an import (a column Convene does not know is ignored).
 */
public record CsvImportPreview(long conferenceId, String conferenceName, long userId, List<String> fileProblems,
                               List<String> warnings, List<CsvImportRow> rows) {

    public CsvImportPreview {
        fileProblems = List.copyOf(fileProblems);
        warnings = List.copyOf(warnings);
        rows = List.copyOf(rows);
    }

    public long count(CsvImportRow.Action action) {
        return rows.stream().filter(r -> !r.hasProblems() && r.action() == action).count();
    }

    public long rowsWithProblems() {
        return rows.stream().filter(CsvImportRow::hasProblems).count();
    }

    /** Sessions that confirming would create or change. */
    public long sessionsToWrite() {
        return count(CsvImportRow.Action.CREATE) + count(CsvImportRow.Action.UPDATE);
    }

    /** Every row problem, in the order of the file. */
    public List<CsvImportProblem> problems() {
        return rows.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** Rows with problems first, so that what needs fixing is what one reads first; otherwise file order. */
    public List<CsvImportRow> rowsProblemsFirst() {
        return Stream.concat(rows.stream().filter(CsvImportRow::hasProblems),
                        rows.stream().filter(r -> !r.hasProblems()))
                .toList();
    }

    public boolean canConfirm() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rowsWithProblems() == 0;
    }
}
