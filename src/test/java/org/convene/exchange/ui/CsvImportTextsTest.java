package org.convene.exchange.ui;

import org.convene.exchange.CsvImportPreview;
import org.convene.exchange.CsvImportProblem;
import org.convene.exchange.CsvImportRow;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The import page's sentences, without a page. */
class CsvImportTextsTest {

    private static CsvImportRow row(CsvImportRow.Action action, List<String> changed, List<CsvImportProblem> problems) {
        SessionDraft draft = new SessionDraft(1, "CPW-1", "A talk", "", SessionFormat.WEBINAR,
                Instant.parse("2026-07-08T09:30:00Z"), Instant.parse("2026-07-08T10:30:00Z"), null, null, null, null,
                Set.of(), null);
        return new CsvImportRow(2, action, draft, null, false, null, false, null, null, null, changed, problems);
    }

    @Test
    void each_row_says_what_will_happen_to_it() {
        assertThat(CsvImportTexts.whatHappens(row(CsvImportRow.Action.CREATE, List.of(), List.of())))
                .isEqualTo("Create");
        assertThat(CsvImportTexts.whatHappens(row(CsvImportRow.Action.UPDATE, List.of("title", "end"), List.of())))
                .isEqualTo("Update title, end");
        assertThat(CsvImportTexts.whatHappens(row(CsvImportRow.Action.CREATE, List.of(),
                List.of(new CsvImportProblem(2, "title", "Enter a title"))))).isEqualTo("Not imported: 1 problem");
    }

    @Test
    void a_row_is_shown_on_its_day_in_the_conferences_zone() {
        assertThat(CsvImportTexts.when(row(CsvImportRow.Action.CREATE, List.of(), List.of()),
                ZoneId.of("Europe/London"))).startsWith("Wednesday 8 July 2026, 10.30");
    }

    @Test
    void the_summary_counts_sessions_by_what_happens_and_rows_with_problems_apart() {
        CsvImportPreview preview = new CsvImportPreview(1, "Week", 9, List.of(), List.of(), List.of(
                row(CsvImportRow.Action.CREATE, List.of(), List.of()),
                row(CsvImportRow.Action.UNCHANGED, List.of(), List.of()),
                row(CsvImportRow.Action.CREATE, List.of(), List.of(new CsvImportProblem(2, "title", "Enter a title")))));

        assertThat(CsvImportTexts.summary(preview)).isEqualTo(
                "1 session will be created, 0 updated, 1 unchanged; 1 row has a problem.");
        assertThat(CsvImportTexts.count(12_345)).isEqualTo("12,345");
        assertThat(CsvImportTexts.orList(List.of("A", "B", "C"))).isEqualTo("A, B or C");
    }
}
