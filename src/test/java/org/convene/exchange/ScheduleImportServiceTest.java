package org.convene.exchange;

import org.convene.programme.PersonRole;
import org.convene.programme.ProgrammeFixture;

import org.convene.programme.ConferenceSummary;
import org.convene.programme.SessionFormat;
import org.convene.programme.TrackRef;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;

@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class ScheduleImportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ScheduleImportService imports;
    @Autowired
    ScheduleExportService exports;
    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;
    final List<String> importedSlugs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
        List<Long> people = db.select(SESSION_PERSON.PERSON_ID).from(SESSION_PERSON)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(SESSION_PERSON.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(CONFERENCE.SLUG.in(importedSlugs)).fetch(SESSION_PERSON.PERSON_ID);
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.in(importedSlugs)).execute();
        db.deleteFrom(PERSON).where(PERSON.ID.in(people)).execute();
    }

    /** The pretalx example under a unique acronym, since every test class shares the database. */
    private ObjectNode democon(String acronym) {
        ObjectNode root = (ObjectNode) JSON.readTree(ScheduleFiles.pretalxExample());
        ((ObjectNode) root.path("schedule").path("conference")).put("acronym", acronym);
        importedSlugs.add(FrabScheduleReader.slug(acronym));
        return root;
    }

    private int eventsIn(JsonNode root) {
        int events = 0;
        for (JsonNode day : root.path("schedule").path("conference").path("days")) {
            for (var room : day.path("rooms").properties()) {
                events += room.getValue().size();
            }
        }
        return events;
    }

    private long sessionsOf(String slug) {
        return db.fetchCount(PROGRAMME_SESSION.join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID)),
                CONFERENCE.SLUG.eq(slug));
    }

    @Test
    void the_pretalx_example_imports_as_a_conference_with_tracks_sessions_and_speakers() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        String acronym = "democon_" + fixture.tag();
        ObjectNode file = democon(acronym);

        ScheduleImportSummary summary = imports.importSchedule(file.toString());

        assertThat(summary.conferenceSlug()).isEqualTo("democon-" + fixture.tag());
        assertThat(summary.conferenceCreated()).isTrue();
        assertThat(summary.sessionsCreated()).isEqualTo(eventsIn(file)).isEqualTo(36);
        assertThat(summary.sessionsUpdated()).isZero();
        assertThat(summary.tracksCreated()).isEqualTo(2);
        // 27 different speakers; one who gives several talks is one person
        assertThat(summary.peopleCreated()).isEqualTo(27);
        assertThat(summary.skipped()).isEmpty();
        var conference = db.selectFrom(CONFERENCE).where(CONFERENCE.SLUG.eq(summary.conferenceSlug())).fetchSingle();
        assertThat(conference.getName()).isEqualTo("DemoCon");
        assertThat(conference.getTimeZone()).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(conference.getFirstDay()).isEqualTo(LocalDate.of(2020, 12, 14));
        assertThat(conference.getLastDay()).isEqualTo(LocalDate.of(2020, 12, 16));
        assertThat(db.select(TRACK.NAME).from(TRACK).where(TRACK.CONFERENCE_ID.eq(conference.getId()))
                .fetch(TRACK.NAME)).containsExactlyInAnyOrder("Gray Room", "Tan Room");
        // The first event of the example: 09:00 +01:00 for 30 minutes, in the Gray Room, a talk by Brian Robinson.
        var first = db.selectFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conference.getId()),
                PROGRAMME_SESSION.TITLE.eq("Focused 5thgeneration hardware")).fetchSingle();
        assertThat(first.getStartsAt()).isEqualTo(Instant.parse("2020-12-14T08:00:00Z"));
        assertThat(first.getEndsAt()).isEqualTo(Instant.parse("2020-12-14T08:30:00Z"));
        assertThat(first.getFormat()).isEqualTo(SessionFormat.TALK);
        assertThat(first.getSummaryMarkdown()).startsWith("Brand back-end models!").contains("Station provide certain mean.");
        assertThat(first.getGuid()).hasToString("8079583e-8321-506c-95af-fd2903a5f075");
        assertThat(db.select(PERSON.NAME, PERSON.BIO).from(SESSION_PERSON).join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(first.getId()), SESSION_PERSON.ROLE.eq(PersonRole.SPEAKER)).fetch())
                .singleElement().satisfies(p -> {
                    assertThat(p.value1()).isEqualTo("Brian Robinson");
                    assertThat(p.value2()).startsWith("Break through direction.");
                });
    }

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Test
    void a_session_moved_by_a_new_import_is_announced_like_a_move_in_the_editor_and_a_renamed_one_is_not() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        ObjectNode file = democon("moved_" + fixture.tag());
        imports.importSchedule(file.toString());
        var gray = file.path("schedule").path("conference").path("days").get(0).path("rooms").path("Gray Room");
        ((ObjectNode) gray.get(0)).put("date", "2020-12-14T10:00:00+01:00").put("start", "10:00");
        ((ObjectNode) gray.get(1)).put("title", "Renamed, same time");

        imports.importSchedule(file.toString());

        // the people with it on their agenda are emailed by the listener of this event (notifications)
        assertThat(events.stream(org.convene.organising.SessionRescheduled.class)).singleElement().satisfies(moved -> {
            assertThat(moved.wasStartsAt()).isEqualTo(Instant.parse("2020-12-14T08:00:00Z"));
            assertThat(moved.startsAt()).isEqualTo(Instant.parse("2020-12-14T09:00:00Z"));
        });
    }

    @Test
    void importing_the_same_schedule_again_updates_the_changed_session_and_reports_the_others_unchanged() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        ObjectNode file = democon("twice_" + fixture.tag());
        ScheduleImportSummary first = imports.importSchedule(file.toString());
        long people = db.fetchCount(PERSON);

        // Someone moved the first event's title in pretalx; the guid stays the same.
        ObjectNode event = (ObjectNode) file.path("schedule").path("conference").path("days").get(0)
                .path("rooms").path("Gray Room").get(0);
        event.put("title", "Focused hardware, renamed");
        ScheduleImportSummary second = imports.importSchedule(file.toString());

        assertThat(second.conferenceCreated()).isFalse();
        assertThat(second.sessionsCreated()).isZero();
        assertThat(second.sessionsUpdated()).isEqualTo(1);
        assertThat(second.sessionsUnchanged()).isEqualTo(first.sessionsCreated() - 1);
        assertThat(second.tracksCreated()).isZero();
        assertThat(second.peopleCreated()).isZero();
        assertThat(db.fetchCount(PERSON)).isEqualTo(people);
        assertThat(sessionsOf(first.conferenceSlug())).isEqualTo(first.sessionsCreated());
        assertThat(db.fetchExists(PROGRAMME_SESSION, PROGRAMME_SESSION.TITLE.eq("Focused hardware, renamed"),
                PROGRAMME_SESSION.GUID.eq(java.util.UUID.fromString("8079583e-8321-506c-95af-fd2903a5f075")))).isTrue();
    }

    @Test
    void an_acronym_that_breaks_the_schema_pattern_and_extra_fields_are_accepted() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        String acronym = "Demo Con " + fixture.tag().toUpperCase() + "!";
        ObjectNode file = democon(acronym);
        ObjectNode event = (ObjectNode) file.path("schedule").path("conference").path("days").get(0)
                .path("rooms").path("Gray Room").get(0);
        event.putObject("answers_by_question").put("Accessibility needs?", "Captions please");
        event.remove("subtitle");
        event.remove("track");
        var links = event.putArray("links");
        links.addObject().put("url", "https://video.example.org/v/1").put("title", "Video recording");
        links.addObject().put("url", "https://slides.example.org/1").put("title", "Slides").put("type", "slides");

        ScheduleImportSummary summary = imports.importSchedule(file.toString());

        assertThat(summary.conferenceSlug()).isEqualTo("demo-con-" + fixture.tag());
        assertThat(summary.skipped()).singleElement().asString()
                .contains("links[1]").contains("'Slides' is neither a joining link nor a recording");
        assertThat(db.select(PROGRAMME_SESSION.RECORDING_URL, PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.GUID.eq(java.util.UUID.fromString("8079583e-8321-506c-95af-fd2903a5f075")),
                        PROGRAMME_SESSION.CONFERENCE_ID.eq(db.select(CONFERENCE.ID).from(CONFERENCE)
                                .where(CONFERENCE.SLUG.eq(summary.conferenceSlug()))))
                .fetchSingle()).satisfies(r -> {
                    assertThat(r.value1()).isEqualTo("https://video.example.org/v/1");
                    assertThat(r.value2()).isNull();
                });
    }

    @Test
    void a_bad_time_is_rejected_naming_the_place_and_nothing_is_written() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        String acronym = "broken_" + fixture.tag();
        ObjectNode file = democon(acronym);
        // The bad event is the last one of the last day, so every event before it was already understood.
        JsonNode days = file.path("schedule").path("conference").path("days");
        JsonNode lastDayRooms = days.get(days.size() - 1).path("rooms");
        String room = lastDayRooms.propertyNames().stream().reduce((a, b) -> b).orElseThrow();
        var events = lastDayRooms.path(room);
        ObjectNode bad = (ObjectNode) events.get(events.size() - 1);
        bad.remove("date");
        bad.put("start", "25:99");

        assertThatThrownBy(() -> imports.importSchedule(file.toString()))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageContaining("events[" + (events.size() - 1) + "] in room '" + room + "'")
                .hasMessageContaining("start '25:99' is not a time");
        assertThat(db.fetchExists(CONFERENCE, CONFERENCE.SLUG.eq(FrabScheduleReader.slug(acronym)))).isFalse();
    }

    @Test
    void a_failed_reimport_leaves_the_earlier_import_untouched() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        ObjectNode file = democon("again_" + fixture.tag());
        ScheduleImportSummary first = imports.importSchedule(file.toString());
        ObjectNode firstEvent = (ObjectNode) file.path("schedule").path("conference").path("days").get(0)
                .path("rooms").path("Gray Room").get(0);
        firstEvent.put("title", "Changed in a file that then fails");
        ObjectNode second = (ObjectNode) file.path("schedule").path("conference").path("days").get(0)
                .path("rooms").path("Gray Room").get(1);
        second.put("duration", "half an hour");

        assertThatThrownBy(() -> imports.importSchedule(file.toString()))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageContaining("events[1] in room 'Gray Room'")
                .hasMessageContaining("duration 'half an hour' is not a length of time");
        assertThat(db.fetchExists(PROGRAMME_SESSION, PROGRAMME_SESSION.TITLE.eq("Changed in a file that then fails"))).isFalse();
        assertThat(sessionsOf(first.conferenceSlug())).isEqualTo(first.sessionsCreated());
    }

    @Test
    void files_that_are_not_schedules_are_rejected_with_a_clear_message() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        assertThatThrownBy(() -> imports.importSchedule("BEGIN:VCALENDAR"))
                .isInstanceOf(ScheduleImportException.class).hasMessageStartingWith("The file is not JSON");
        assertThatThrownBy(() -> imports.importSchedule("{\"version\": \"1\"}"))
                .isInstanceOf(ScheduleImportException.class).hasMessageContaining("no \"schedule\"");
        assertThatThrownBy(() -> imports.importSchedule("{\"schedule\": {\"version\": \"1\"}}"))
                .isInstanceOf(ScheduleImportException.class).hasMessageContaining("no conference");
        String noTitle = "{\"schedule\":{\"conference\":{\"acronym\":\"nt_" + fixture.tag() + "\",\"time_zone_name\":\"Europe/London\","
                + "\"days\":[{\"date\":\"2030-07-01\",\"rooms\":{\"Main Hall\":[{\"start\":\"10:00\",\"duration\":\"01:00\"}]}}]}}}";
        importedSlugs.add("nt-" + fixture.tag());
        assertThatThrownBy(() -> imports.importSchedule(noTitle))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessage("events[0] in room 'Main Hall' on days[0] (2030-07-01): the event has no title.");
        assertThatThrownBy(() -> imports.importSchedule(noTitle.replace("Europe/London", "Mars/Olympus")))
                .isInstanceOf(ScheduleImportException.class)
                .hasMessageContaining("time_zone_name 'Mars/Olympus' is not a time zone");
    }

    @Test
    void only_organisers_may_import() {
        String file = democon("nobody_" + fixture.tag()).toString();
        assertThatThrownBy(() -> imports.importSchedule(file)).isInstanceOf(CurrentUser.NotSignedInException.class);
        AccountFixtures.actAs(data.user());
        assertThatThrownBy(() -> imports.importSchedule(file)).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.actAs(data.user(Role.FACILITATOR));
        assertThatThrownBy(() -> imports.importSchedule(file)).isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchExists(CONFERENCE, CONFERENCE.SLUG.eq("nobody-" + fixture.tag()))).isFalse();
    }

    @Test
    void a_programme_exported_and_imported_into_a_fresh_conference_comes_back_the_same() {
        ConferenceSummary conference = fixture.conference("Co-production Week " + fixture.tag(), "Europe/London",
                LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        TrackRef main = fixture.track(conference, "Main stage", 0);
        TrackRef side = fixture.track(conference, "Workshops room", 1);
        long sam = fixture.person("Sam Okafor", "Voices Together", "Sam chairs the user panel.");
        long ada = fixture.person("Ada Lewis", null, null);
        fixture.session(conference, "Opening: nothing about us without us")
                .at(LocalDateTime.of(2031, 7, 7, 10, 0), LocalDateTime.of(2031, 7, 7, 11, 30))
                .track(main).format(SessionFormat.PANEL).summary("Welcome to **the week**.\n\n- plenary\n- Q&A")
                .joinUrl("https://meet.example.org/opening").recordingUrl("https://video.example.org/opening")
                .person(sam, PersonRole.FACILITATOR).person(ada, PersonRole.SPEAKER).create();
        fixture.session(conference, "Easy-read workshop")
                .at(LocalDateTime.of(2031, 7, 8, 14, 0), LocalDateTime.of(2031, 7, 8, 15, 0))
                .track(side).format(SessionFormat.WORKSHOP).summary("Write it plainly.")
                .person(ada, PersonRole.SPEAKER).create();
        fixture.session(conference, "Evening social, no track")
                .at(LocalDateTime.of(2031, 7, 10, 19, 0), LocalDateTime.of(2031, 7, 10, 20, 0))
                .format(SessionFormat.SOCIAL).joinUrl("https://meet.example.org/social").create();
        AccountFixtures.actAs(data.user(Role.ORGANISER));

        String exported = exports.export(conference.slug(), ScheduleFormat.JSON).orElseThrow();
        String freshAcronym = "roundtrip_" + fixture.tag();
        ObjectNode file = (ObjectNode) JSON.readTree(exported);
        ((ObjectNode) file.path("schedule").path("conference")).put("acronym", freshAcronym);
        importedSlugs.add("roundtrip-" + fixture.tag());
        ScheduleImportSummary summary = imports.importSchedule(file.toString());
        assertThat(summary.sessionsCreated()).isEqualTo(3);
        String reexported = exports.export(summary.conferenceSlug(), ScheduleFormat.JSON).orElseThrow();

        assertThat(programme(reexported)).isEqualTo(programme(exported));
        // the export carries Convene's Join links; the import stores the meetings' addresses behind them
        assertThat(exported).doesNotContain("meet.example.org");
        assertThat(db.select(PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION).join(CONFERENCE)
                .on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(CONFERENCE.SLUG.eq(summary.conferenceSlug()), PROGRAMME_SESSION.JOIN_URL.isNotNull())
                .fetch(PROGRAMME_SESSION.JOIN_URL))
                .containsExactlyInAnyOrder("https://meet.example.org/opening", "https://meet.example.org/social");
        JsonNode again = JSON.readTree(reexported).path("schedule").path("conference");
        assertThat(again.path("title").asString()).isEqualTo(conference.name());
        assertThat(again.path("time_zone_name").asString()).isEqualTo("Europe/London");
        assertThat(again.path("start").asString()).isEqualTo("2031-07-07");
        assertThat(again.path("end").asString()).isEqualTo("2031-07-11");
    }

    @Test
    void importing_a_conference_own_export_back_into_it_updates_its_sessions() {
        ConferenceSummary conference = fixture.conference("Same place " + fixture.tag(), "Europe/London",
                LocalDate.of(2031, 9, 1), LocalDate.of(2031, 9, 2));
        long session = fixture.session(conference, "Made in Convene")
                .at(LocalDateTime.of(2031, 9, 1, 10, 0), LocalDateTime.of(2031, 9, 1, 11, 0))
                .joinUrl("https://meet.example.org/made-here").create();
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        ObjectNode file = (ObjectNode) JSON.readTree(exports.export(conference.slug(), ScheduleFormat.JSON).orElseThrow());
        ((ObjectNode) file.path("schedule").path("conference").path("days").get(0).path("rooms").path("Online").get(0))
                .put("title", "Made in Convene, edited in a script");

        ScheduleImportSummary summary = imports.importSchedule(file.toString());

        assertThat(summary.conferenceSlug()).isEqualTo(conference.slug());
        assertThat(summary.sessionsCreated()).isZero();
        assertThat(summary.sessionsUpdated()).isEqualTo(1);
        assertThat(sessionsOf(conference.slug())).isEqualTo(1);
        assertThat(db.select(PROGRAMME_SESSION.TITLE).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(session))
                .fetchSingle(PROGRAMME_SESSION.TITLE)).isEqualTo("Made in Convene, edited in a script");
        // its Join link in the file leads back to this very session: the meeting's address stays
        assertThat(db.select(PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(session))
                .fetchSingle(PROGRAMME_SESSION.JOIN_URL)).isEqualTo("https://meet.example.org/made-here");
    }

    /** What a schedule app shows of each event, independent of ids, slugs and URLs on this server. */
    private static TreeSet<String> programme(String json) {
        TreeSet<String> events = new TreeSet<>();
        for (JsonNode day : JSON.readTree(json).path("schedule").path("conference").path("days")) {
            for (var room : day.path("rooms").properties()) {
                for (JsonNode e : room.getValue()) {
                    List<String> people = new ArrayList<>();
                    e.path("persons").forEach(p -> people.add(p.path("name").asString()));
                    people.sort(String::compareTo);
                    List<String> links = new ArrayList<>();
                    // a Join link names the session by its id, which differs between conferences
                    e.path("links").forEach(l -> links.add(l.path("title").asString() + "="
                            + l.path("url").asString().replaceAll("/sessions/\\d+/join$", "/sessions/{id}/join")));
                    events.add(String.join(" | ", day.path("date").asString(), room.getKey(),
                            e.path("title").asString(), e.path("date").asString(), e.path("end").asString(),
                            e.path("duration").asString(), e.path("type").asString(), e.path("description").asString(),
                            e.path("abstract").asString(), e.path("guid").asString(), people.toString(), links.toString()));
                }
            }
        }
        return events;
    }

    @Test
    void importing_an_unchanged_file_twice_reports_every_session_unchanged_and_writes_nothing() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        ObjectNode file = democon("same_" + fixture.tag());
        ScheduleImportSummary first = imports.importSchedule(file.toString());
        List<Integer> versions = versions(first.conferenceSlug());

        ScheduleImportSummary second = imports.importSchedule(file.toString());

        assertThat(second.sessionsCreated()).isZero();
        assertThat(second.sessionsUpdated()).isZero();
        assertThat(second.sessionsUnchanged()).isEqualTo(first.sessionsCreated()).isEqualTo(36);
        assertThat(versions(first.conferenceSlug())).as("no session written again").isEqualTo(versions);
    }

    private List<Integer> versions(String slug) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION).join(CONFERENCE)
                .on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID)).where(CONFERENCE.SLUG.eq(slug))
                .orderBy(PROGRAMME_SESSION.ID).fetch(PROGRAMME_SESSION.VERSION);
    }
}
