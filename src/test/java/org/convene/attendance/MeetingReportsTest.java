package org.convene.attendance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The readers of the meeting tools' reports, on the samples in src/test/resources (written by us, nobody real). */
class MeetingReportsTest {

    static final RawStay.Context LONDON = new RawStay.Context(ZoneId.of("Europe/London"), LocalDate.of(2031, 11, 10));

    static byte[] sample(String name) {
        try (InputStream in = MeetingReportsTest.class.getResourceAsStream("import/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ReportedParticipant> read(MeetingTool tool, byte[] file) {
        ReportReading reading = MeetingReports.read(tool, file, LONDON);
        assertThat(reading).as(reading.toString()).isInstanceOf(ReportReading.Read.class);
        return ((ReportReading.Read) reading).participants();
    }

    private static List<String> problems(MeetingTool tool, String text) {
        ReportReading reading = MeetingReports.read(tool, text.getBytes(StandardCharsets.UTF_8), LONDON);
        assertThat(reading).isInstanceOf(ReportReading.Unreadable.class);
        return ((ReportReading.Unreadable) reading).problems();
    }

    private static Instant at(String time) {
        return Instant.parse("2031-11-10T" + time + "Z");
    }

    @Test
    void zoom_report_is_read_below_its_meeting_summary_with_each_join_and_leave() {
        List<ReportedParticipant> people = read(MeetingTool.ZOOM, sample("zoom-participants.csv"));

        assertThat(people).containsExactly(
                new ReportedParticipant(5, "Ada Example (Ada)", "ada@example.org", at("09:58:10"), at("10:40:00")),
                new ReportedParticipant(6, "Ada Example (Ada)", "ada@example.org", at("10:45:00"), at("11:00:30")),
                new ReportedParticipant(7, "Ben Sample", null, at("10:05:00"), at("10:50:00")),
                new ReportedParticipant(8, "Cleo Test", "cleo@example.org", at("10:00:00"), at("11:00:00")));
    }

    @Test
    void zoom_times_are_read_in_the_zone_the_host_chose() {
        ReportReading reading = MeetingReports.read(MeetingTool.ZOOM, sample("zoom-participants.csv"),
                new RawStay.Context(ZoneId.of("America/New_York"), LocalDate.of(2031, 11, 10)));

        assertThat(((ReportReading.Read) reading).participants().getFirst().joinedAt())
                .isEqualTo(Instant.parse("2031-11-10T14:58:10Z"));
    }

    @Test
    void zoom_lines_in_the_waiting_room_are_left_out() {
        List<ReportedParticipant> people = read(MeetingTool.ZOOM, """
                Name (original name),User email,Join time,Leave time,Duration (minutes),Guest,In waiting room
                Ada Example,ada@example.org,11/10/2031 09:50:00 AM,11/10/2031 09:59:00 AM,9,No,Yes
                Ada Example,ada@example.org,11/10/2031 09:59:00 AM,11/10/2031 11:00:00 AM,61,No,No
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(people).extracting(ReportedParticipant::joinedAt).containsExactly(at("09:59:00"));
    }

    @Test
    void teams_report_in_utf16_with_tabs_is_read_from_its_in_meeting_activities() {
        List<ReportedParticipant> people = read(MeetingTool.TEAMS, sample("teams-attendance.csv"));

        assertThat(people).containsExactly(
                new ReportedParticipant(15, "Ada Example", "ada@example.org", at("09:58:10"), at("10:40:00")),
                new ReportedParticipant(16, "Ada Example", "ada@example.org", at("10:45:00"), at("11:00:30")),
                new ReportedParticipant(17, "Dev Person", "dev@example.org", at("10:10:00"), at("10:55:00")),
                new ReportedParticipant(18, "Phone 07700 900123", null, at("10:20:00"), at("10:30:00")));
    }

    @Test
    void teams_report_without_activities_counts_first_join_to_last_leave_and_says_so() {
        String text = """
                Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail
                Ada Example\t11/10/31, 9:58:10 AM\t11/10/31, 11:00:30 AM\t1h 2m\tada@example.org
                """;
        ReportReading reading = MeetingReports.read(MeetingTool.TEAMS, text.getBytes(StandardCharsets.UTF_16), LONDON);

        ReportReading.Read read = (ReportReading.Read) reading;
        assertThat(read.participants()).containsExactly(
                new ReportedParticipant(2, "Ada Example", "ada@example.org", at("09:58:10"), at("11:00:30")));
        assertThat(read.notes()).anyMatch(note -> note.contains("first join to their last leave"));
    }

    @Test
    void bigbluebutton_session_data_in_json_gives_each_connection_and_ends_open_ones_with_the_meeting() {
        List<ReportedParticipant> people = read(MeetingTool.BIGBLUEBUTTON, sample("bbb-learning-dashboard.json"));

        assertThat(people).containsExactly(
                new ReportedParticipant(1, "Ada Example", "ada@example.org", at("09:58:10"), at("10:40:00")),
                new ReportedParticipant(1, "Ada Example", "ada@example.org", at("10:45:00"), at("11:00:30")),
                new ReportedParticipant(2, "Eve Sample", null, at("10:02:00"), at("11:01:00")));
    }

    @Test
    void bigbluebutton_csv_with_joined_and_left_columns_is_read() {
        List<ReportedParticipant> people = read(MeetingTool.BIGBLUEBUTTON, sample("bbb-learning-dashboard.csv"));

        assertThat(people).extracting(ReportedParticipant::name, ReportedParticipant::email)
                .containsExactly(tuple("Ada Example", "ada@example.org"),
                        tuple("Eve Sample", null));
        assertThat(people.get(1).leftAt()).isEqualTo(at("11:01:00"));
    }

    @Test
    void a_bad_time_is_named_by_its_line_and_nothing_is_read() {
        assertThat(problems(MeetingTool.ZOOM, """
                Name (original name),User email,Join time,Leave time
                Ada Example,ada@example.org,11/10/2031 09:58:10 AM,11/10/2031 10:40:00 AM
                Ben Sample,,11/10/2031 10:05:00 AM,abc
                Cleo Test,,,11/10/2031 10:05:00 AM
                """)).containsExactly("Line 3: the leave time 'abc' is not a time.", "Line 4: there is no join time.");
    }

    @Test
    void a_leave_before_the_join_and_a_missing_name_are_problems() {
        assertThat(problems(MeetingTool.ZOOM, """
                Name (original name),User email,Join time,Leave time
                Ada Example,ada@example.org,11/10/2031 10:30:00 AM,11/10/2031 10:00:00 AM
                ,,11/10/2031 10:30:00 AM,11/10/2031 10:40:00 AM
                """)).containsExactly(
                "Line 2: the leave time '11/10/2031 10:00:00 AM' is before the join time '11/10/2031 10:30:00 AM'.",
                "Line 3: there is no name.");
    }

    @Test
    void a_date_that_does_not_exist_is_a_problem() {
        assertThat(problems(MeetingTool.ZOOM, """
                Name (original name),User email,Join time,Leave time
                Ada Example,,31/02/2031 10:30:00,31/02/2031 10:40:00
                """)).containsExactly("Line 2: the join time '31/02/2031 10:30:00' is not a date that exists.",
                "Line 2: the leave time '31/02/2031 10:40:00' is not a date that exists.");
    }

    @Test
    void a_file_of_the_wrong_tool_says_which_columns_are_missing() {
        assertThat(problems(MeetingTool.ZOOM, "reference,title\nA,B\n").getFirst())
                .startsWith("This does not look like a Zoom report: no line has the columns 'Name (original name)'");
    }

    @Test
    void day_first_dates_are_recognised_by_a_day_above_twelve() {
        List<ReportedParticipant> people = read(MeetingTool.ZOOM, """
                Name,Join time,Leave time
                Ada Example,13/11/2031 10:00,13/11/2031 10:30
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(people.getFirst().joinedAt()).isEqualTo(Instant.parse("2031-11-13T10:00:00Z"));
    }

    @Test
    void dates_that_could_be_either_order_follow_the_session_day_and_the_note_says_so() {
        ReportReading reading = MeetingReports.read(MeetingTool.TEAMS, sample("teams-attendance.csv"), LONDON);

        assertThat(((ReportReading.Read) reading).notes()).anyMatch(note -> note.startsWith("Dates were read day first"));
    }

    @Test
    void an_empty_file_an_excel_workbook_and_a_too_large_file_are_refused_with_what_to_do() {
        assertThat(((ReportReading.Unreadable) MeetingReports.read(MeetingTool.ZOOM, new byte[0], LONDON)).problems())
                .containsExactly("The file is empty. Download the report from Zoom again and upload that file.");
        assertThat(((ReportReading.Unreadable) MeetingReports.read(MeetingTool.TEAMS,
                new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}, LONDON)).problems().getFirst()).startsWith("This is an Excel");
        assertThat(((ReportReading.Unreadable) MeetingReports.read(MeetingTool.ZOOM,
                new byte[ImportLimits.MAX_BYTES + 1], LONDON)).problems().getFirst()).startsWith("The file is larger");
    }

    @Test
    void broken_json_is_refused() {
        assertThat(problems(MeetingTool.BIGBLUEBUTTON, "{\"users\": {").getFirst())
                .startsWith("The file could not be read as JSON");
    }

    @Test
    void a_json_connection_without_a_join_time_is_named_by_the_person() {
        assertThat(problems(MeetingTool.BIGBLUEBUTTON,
                "{\"users\":{\"a\":{\"name\":\"Ada\",\"intIds\":{\"x\":{\"leftOn\":1952503800000}}}}}"))
                .containsExactly("Person 1 (Ada): there is no join time.");
    }
}
