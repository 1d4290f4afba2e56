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
}
