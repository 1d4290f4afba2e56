package org.convene.exchange;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The row rules on their own: a file and a programme in memory, no Spring and no database. */
class CsvRowCheckerTest {

    static final String HEADER = "reference,title,format,date,start,end,track,host,bsl,facilitator emails";
    static final ConferenceSummary WEEK = new ConferenceSummary(1, "week", "Co-production Week", "",
            ZoneId.of("Europe/London"), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 10));
    static final HostRef CARERS = new HostRef(10, "Carers Together");
    static final HostRef HOUSING = new HostRef(11, "Housing Voices");

    static Map<String, Long> tracks() {
        Map<String, Long> tracks = new LinkedHashMap<>();
        tracks.put("Health and care", 20L);
        return tracks;
    }

    static CsvRowChecker.Programme programme(boolean organiser, Map<String, CsvImportRepository.Existing> existing) {
        return new CsvRowChecker.Programme(WEEK, organiser, tracks(), List.of(CARERS, HOUSING), Set.of(CARERS.id()),
                Map.of("fay@example.org", 30L), existing);
    }

    static List<CsvImportRow> check(CsvRowChecker.Programme programme, String... rows) {
        CsvImportFile file = CsvImportFile.read((HEADER + "\n" + String.join("\n", rows))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(file.fileProblems()).isEmpty();
        CsvRowChecker checker = new CsvRowChecker(file, programme);
        return file.rows().stream().map(checker::check).toList();
    }

    @Test
    void a_clean_row_is_created_in_the_conferences_time_zone_with_its_track_host_and_facilitators() {
        CsvImportRow row = check(programme(true, Map.of()),
                "CPW-1,A talk,Panel discussion,08/07/2026,10.30,11:30:00,health AND care,Carers Together,yes,"
                        + "Fay@Example.org").getFirst();

        assertThat(row.problems()).isEmpty();
        assertThat(row.action()).isEqualTo(CsvImportRow.Action.CREATE);
        assertThat(row.draft().format()).isEqualTo(SessionFormat.PANEL);
        assertThat(row.draft().startsAt()).isEqualTo(Instant.parse("2026-07-08T09:30:00Z"));
        assertThat(row.draft().endsAt()).isEqualTo(Instant.parse("2026-07-08T10:30:00Z"));
        assertThat(row.draft().trackId()).isEqualTo(20L);
        assertThat(row.trackName()).isEqualTo("Health and care");
        assertThat(row.draft().hostId()).isEqualTo(CARERS.id());
        assertThat(row.draft().access()).containsExactly(AccessFeature.BSL_INTERPRETATION);
        assertThat(row.facilitatorUserIds()).containsExactly(30L);
    }

    @Test
    void an_account_whose_address_is_not_confirmed_cannot_be_made_a_facilitator() {
        var programme = new CsvRowChecker.Programme(WEEK, true, tracks(), List.of(CARERS, HOUSING), Set.of(),
                Map.of("fay@example.org", 30L), Map.of(), Set.of("fay@example.org"));

        CsvImportRow row = check(programme, "CPW-1,A talk,Panel discussion,08/07/2026,10.30,11:30:00,,,no,"
                + "fay@example.org").getFirst();

        assertThat(row.problems()).extracting(CsvImportProblem::column, CsvImportProblem::reason).containsExactly(
                tuple("facilitator emails", "The account with the email address fay@example.org has not confirmed "
                        + "its address yet, so it cannot be a facilitator. Ask them to open the link we emailed "
                        + "them, or leave them out"));
    }

    @Test
    void an_unreadable_date_is_one_problem_not_also_missing_start_and_end() {
        CsvImportRow row = check(programme(true, Map.of()),
                "CPW-1,A talk,Webinar,8th July,10:00,11:00,,,no,").getFirst();

        assertThat(row.problems()).extracting(CsvImportProblem::column, CsvImportProblem::reason).containsExactly(
                tuple("date", "Date must be a real date written as YYYY-MM-DD, like 2026-07-08"));
    }

    @Test
    void problems_are_sorted_by_column_in_template_order() {
        CsvImportRow row = check(programme(true, Map.of()),
                "CPW-1,,Lecture,2026-07-08,25:00,11:00,,,maybe,nobody@example.org").getFirst();

        assertThat(row.problems()).extracting(CsvImportProblem::column)
                .containsExactly("title", "format", "start", "bsl", "facilitator emails");
    }

    @Test
    void a_reference_used_twice_names_the_line_that_used_it_first() {
        List<CsvImportRow> rows = check(programme(true, Map.of()),
                "CPW-1,A,Webinar,2026-07-08,10:00,11:00,,,,",
                "CPW-1,B,Webinar,2026-07-08,12:00,13:00,,,,");

        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(1).problems()).extracting(CsvImportProblem::reason)
                .containsExactly("Reference CPW-1 is also used on line 2. Give each session its own reference");
    }

    @Test
    void new_tracks_and_an_organisers_new_hosts_are_named_as_first_written() {
        List<CsvImportRow> rows = check(programme(true, Map.of()),
                "CPW-1,A,Webinar,2026-07-08,10:00,11:00,Housing,New Group,,",
                "CPW-2,B,Webinar,2026-07-08,12:00,13:00,HOUSING,new group,,");

        assertThat(rows).extracting(CsvImportRow::trackName, CsvImportRow::newTrack, CsvImportRow::hostName,
                        CsvImportRow::newHost)
                .containsOnly(tuple("Housing", true, "New Group", true));
    }

    @Test
    void a_coordinator_may_only_name_their_own_organisations() {
        List<CsvImportRow> rows = check(programme(false, Map.of()),
                "CPW-1,A,Webinar,2026-07-08,10:00,11:00,,Housing Voices,,",
                "CPW-2,B,Webinar,2026-07-08,12:00,13:00,,New Group,,");

        assertThat(rows.get(0).problems()).extracting(CsvImportProblem::column, CsvImportProblem::reason)
                .containsExactly(tuple("host", "You can only import sessions for Carers Together"));
        assertThat(rows.get(1).problems()).extracting(CsvImportProblem::reason).containsExactly(
                "There is no host organisation called New Group. You can only import sessions for Carers Together");
    }

    @Test
    void a_row_matching_its_session_is_unchanged_and_a_changed_one_names_the_changed_columns() {
        SessionDraft draft = new SessionDraft(WEEK.id(), "CPW-1", "A", "", SessionFormat.WEBINAR,
                Instant.parse("2026-07-08T09:00:00Z"), Instant.parse("2026-07-08T10:00:00Z"), null, CARERS.id(),
                null, null, Set.of(), null);
        var existing = Map.of("CPW-1", new CsvImportRepository.Existing(5, 3, draft, Set.of(30L)));

        CsvImportRow same = check(programme(true, existing),
                "CPW-1,A,Webinar,2026-07-08,10:00,11:00,,Carers Together,no,fay@example.org").getFirst();
        CsvImportRow changed = check(programme(true, existing),
                "CPW-1,B,Webinar,2026-07-08,10:00,11:30,,Carers Together,yes,").getFirst();

        assertThat(same.action()).isEqualTo(CsvImportRow.Action.UNCHANGED);
        assertThat(same.sessionId()).isEqualTo(5L);
        assertThat(same.expectedVersion()).isEqualTo(3);
        assertThat(changed.action()).isEqualTo(CsvImportRow.Action.UPDATE);
        assertThat(changed.changedColumns()).containsExactly("title", "end", "bsl", "facilitator emails");
    }

    @Test
    void a_time_the_clocks_skip_is_a_problem_of_its_column() {
        ConferenceSummary march = new ConferenceSummary(2, "march", "March", "", ZoneId.of("Europe/London"),
                LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30));
        var programme = new CsvRowChecker.Programme(march, true, Map.of(), List.of(), Set.of(), Map.of(), Map.of());

        CsvImportRow row = check(programme, "CPW-1,A,Webinar,2026-03-29,01:30,03:00,,,,").getFirst();

        assertThat(row.problems()).extracting(CsvImportProblem::column, CsvImportProblem::reason).containsExactly(
                tuple("start", "There is no 01:30 on that day, because the clocks go forward an hour. "
                        + "Choose another time"));
    }

    @Test
    void cells_read_dates_times_yes_no_and_email_lists_as_spreadsheets_write_them() {
        assertThat(CsvCells.date("2026-02-30")).isNull();
        assertThat(CsvCells.date("8/7/2026")).isEqualTo(LocalDate.of(2026, 7, 8));
        assertThat(CsvCells.time("9.05")).hasToString("09:05");
        assertThat(CsvCells.time("24:00")).isNull();
        assertThat(CsvCells.yesNo("Y")).isTrue();
        assertThat(CsvCells.yesNo("")).isFalse();
        assertThat(CsvCells.yesNo("maybe")).isNull();
        assertThat(CsvCells.emails("A@x.org; b@x.org,a@x.org  c@x.org")).containsExactly("a@x.org", "b@x.org",
                "c@x.org");
        assertThat(CsvCells.orList(List.of("a", "b", "c"))).isEqualTo("a, b or c");
    }
}
