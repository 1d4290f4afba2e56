package org.convene.exchange;

import org.convene.programme.SessionFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading frab/pretalx JSON on its own, without a database. */
class FrabScheduleReaderTest {

    static String schedule(String events) {
        return """
                {"schedule": {"conference": {"acronym": "Demo Con 2026", "title": "Demo Con",
                  "time_zone_name": "Europe/London", "rooms": [{"name": "Main"}, {"name": "Unused"}],
                  "days": [{"date": "2026-07-08", "rooms": {"Main": [%s]}}]}}}
                """.formatted(events);
    }

    @Test
    void the_pretalx_example_reads_with_its_rooms_events_and_speakers() {
        FrabScheduleReader.Parsed parsed = FrabScheduleReader.read(ScheduleFiles.pretalxExample());

        assertThat(parsed.slug()).isNotBlank();
        assertThat(parsed.sessions()).isNotEmpty();
        assertThat(parsed.rooms()).containsAll(parsed.sessions().stream().map(ImportedSession::room).toList());
    }

    @Test
    void an_event_is_read_in_the_conferences_zone_and_only_rooms_with_events_become_tracks() {
        FrabScheduleReader.Parsed parsed = FrabScheduleReader.read(schedule("""
                {"title": "Opening", "start": "10:00", "duration": "01:30", "type": "Panel",
                 "persons": [{"public_name": "Fay Example"}]}"""));

        assertThat(parsed.slug()).isEqualTo("demo-con-2026");
        assertThat(parsed.name()).isEqualTo("Demo Con");
        assertThat(parsed.firstDay()).isEqualTo(LocalDate.of(2026, 7, 8));
        assertThat(parsed.rooms()).containsExactly("Main");
        assertThat(parsed.sessions()).singleElement().satisfies(session -> {
            assertThat(session.startsAt()).isEqualTo(Instant.parse("2026-07-08T09:00:00Z"));
            assertThat(session.endsAt()).isEqualTo(Instant.parse("2026-07-08T10:30:00Z"));
            assertThat(session.format()).isEqualTo(SessionFormat.PANEL);
        });
    }

    @Test
    void what_cannot_be_read_fails_the_whole_file_naming_the_place() {
        assertThatThrownBy(() -> FrabScheduleReader.read("{\"schedule\": 1"))
                .isInstanceOf(ScheduleImportException.class).hasMessageStartingWith("The file is not JSON");
        assertThatThrownBy(() -> FrabScheduleReader.read("{}"))
                .hasMessage("The file has no \"schedule\": it is not a frab or pretalx schedule export.");
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("{\"title\": \"No start\"}")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageContaining("events[0] in room 'Main' on days[0] (2026-07-08)");
    }

    @Test
    void formats_and_addresses_are_made_from_what_exports_commonly_say() {
        assertThat(FrabEventReader.format("Hands-on tutorial")).isEqualTo(SessionFormat.WORKSHOP);
        assertThat(FrabEventReader.format("Keynote")).isEqualTo(SessionFormat.TALK);
        assertThat(FrabEventReader.format(null)).isEqualTo(SessionFormat.WEBINAR);
        assertThat(FrabScheduleReader.slug("  Démo!! ")).isEqualTo("d-mo");
        assertThat(FrabScheduleReader.slug("!!!")).isNull();
    }

    @Test
    void a_title_with_a_nul_fails_the_file_naming_the_place_and_a_bad_description_or_speaker_is_left_out_with_a_note() {
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Open\\u0000ing", "start": "10:00", "duration": "01:30"}""")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessage("events[0] in room 'Main' on days[0] (2026-07-08): " + "The title contains a character that cannot be stored (a control character). Remove it and try again.");

        FrabScheduleReader.Parsed parsed = FrabScheduleReader.read(schedule("""
                {"title": "Opening", "start": "10:00", "duration": "01:30", "abstract": "Hello\\u0007",
                 "persons": [{"public_name": "Fay\\u0000"}, {"public_name": "Sam", "biography": "Bio\\u001b"}]}"""));

        assertThat(parsed.sessions()).singleElement().satisfies(session -> {
            assertThat(session.summaryMarkdown()).isEmpty();
            assertThat(session.speakers()).containsExactly(new ImportedSession.Speaker("Sam", null));
        });
        assertThat(parsed.skipped()).containsExactly(
                "events[0] in room 'Main' on days[0] (2026-07-08) ('Opening') persons[0]: the name contains a character "
                        + "that cannot be stored (a control character), left out.",
                "events[0] in room 'Main' on days[0] (2026-07-08) ('Opening') persons[1] ('Sam'): the biography "
                        + "contains a character that cannot be stored (a control character), left out.",
                "events[0] in room 'Main' on days[0] (2026-07-08) ('Opening'): the description contains a character "
                        + "that cannot be stored (a control character), left out.");
    }

    @Test
    void durations_and_dates_are_bounded_so_no_number_overflows() {
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Forever", "start": "10:00", "duration": "99999:00"}""")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageEndingWith(": duration '99999:00' is longer than 14 days, the longest event Convene takes.");
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Overflow", "start": "10:00", "duration": "99999999999999999999:00"}""")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageEndingWith(": duration '99999999999999999999:00' is not a length of time (hh:mm).");
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Far", "date": "+99999-07-08T10:00:00+01:00", "duration": "01:00"}""")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageEndingWith(": the start is not between the years 1970 and 9999.");
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Opening", "start": "10:00", "duration": "01:00"}""").replace("2026-07-08", "+99999-07-08")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessage("days[0]: date +99999-07-08 is not between the years 1970 and 9999.");
        assertThatThrownBy(() -> FrabScheduleReader.read(schedule("""
                {"title": "Opening", "start": "10:00", "duration": "01:00"}""")
                .replace("\"acronym\"", "\"start\": \"2026-07-08\", \"end\": \"3026-07-08\", \"acronym\"")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessage("conference runs from 2026-07-08 to 3026-07-08: a conference can last at most 61 days.");
    }

    @Test
    void an_imported_link_follows_the_editors_web_address_rule_and_a_bad_one_is_left_out_with_a_note() {
        FrabScheduleReader.Parsed parsed = FrabScheduleReader.read(schedule("""
                {"title": "Opening", "start": "10:00", "duration": "01:00", "links": [
                  {"title": "Join", "url": "https://zoom/j/1"}, {"title": "Recording", "url": "HTTPS://video.example.org/1"},
                  {"title": "Join", "url": "https://meet.example.org/opening"}]}"""));

        assertThat(parsed.sessions().getFirst().joinUrl()).isEqualTo("https://meet.example.org/opening");
        assertThat(parsed.sessions().getFirst().recordingUrl()).isNull();
        assertThat(parsed.skipped()).containsExactly(
                "events[0] in room 'Main' on days[0] (2026-07-08) ('Opening') links[0]: not a web address Convene can "
                        + "link to (it must start with https:// or http://, name a host with a dot and have no spaces), left out.",
                "events[0] in room 'Main' on days[0] (2026-07-08) ('Opening') links[1]: not a web address Convene can "
                        + "link to (it must start with https:// or http://, name a host with a dot and have no spaces), left out.");
    }

    @Test
    void a_schedule_in_the_newer_layout_or_without_events_is_refused_saying_what_was_expected() {
        assertThatThrownBy(() -> FrabScheduleReader.read("""
                {"schedule": {"version": "2", "conference": {"acronym": "v2", "title": "V2", "start": "2026-07-08"},
                  "events": [{"title": "Talk", "date": "2026-07-08T10:00:00+01:00", "duration": "00:30", "room": "Main"}]}}"""))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageContaining("the newer \"schedule 2\" layout")
                .hasMessageContaining("events under schedule.conference.days[].rooms");
        assertThatThrownBy(() -> FrabScheduleReader.read("""
                {"schedule": {"conference": {"acronym": "empty", "start": "2026-07-08", "days": []}}}"""))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessage("The schedule has no events, so nothing was imported. Convene expected events in lists "
                        + "under schedule.conference.days[].rooms, as frab and pretalx export them.");
    }
}
