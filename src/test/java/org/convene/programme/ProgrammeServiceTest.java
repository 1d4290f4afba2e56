package org.convene.programme;

import org.convene.timetable.TimetableEntry;
import org.convene.timetable.TimetableFilter;

import org.convene.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProgrammeServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2030, 11, 25);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Autowired
    ProgrammeService programme;

    @Autowired
    org.convene.timetable.TimetableService timetables;

    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    TrackRef health;
    TrackRef housing;
    HostRef carers;
    HostRef council;
    long amara;
    long bill;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week 2030", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = fixture.track(week, "Health and care", 2);
        housing = fixture.track(week, "Housing", 1);
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        amara = fixture.person("Amara Okafor", "Carers Together", "Amara has cared for her dad for ten years.");
        bill = fixture.person("Bill Hughes", null, "Bill chairs a tenants' forum.");
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private LocalDateTime monday(int hour, int minute) {
        return MONDAY.atTime(hour, minute);
    }

    private List<String> titles(TimetableFilter filter) {
        return timetables.timetable(week, filter).stream().map(TimetableEntry::title).toList();
    }

    private static TimetableFilter filter(LocalDate day, Set<Long> tracks, Set<SessionFormat> formats,
                                          Set<Long> hosts, Set<AccessFeature> access, String text) {
        return new TimetableFilter(day, tracks, formats, hosts, access, text);
    }

    @Test
    void a_day_lists_its_sessions_in_start_order_with_track_host_people_and_access() {
        long late = fixture.session(week, "Afternoon panel").at(monday(14, 0), monday(15, 0)).format(SessionFormat.PANEL)
                .track(health).host(council).person(bill, PersonRole.SPEAKER).person(amara, PersonRole.FACILITATOR)
                .access(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION)
                .joinUrl("https://meet.example.org/panel").create();
        long early = fixture.session(week, "Morning welcome").at(monday(9, 30), monday(10, 0)).create();
        fixture.session(week, "Tuesday session").at(TUESDAY.atTime(10, 0), TUESDAY.atTime(11, 0)).create();

        List<TimetableEntry> day = timetables.timetable(week, TimetableFilter.day(MONDAY));

        assertThat(day).extracting(TimetableEntry::id).containsExactly(early, late);
        TimetableEntry panel = day.get(1);
        assertThat(panel.format()).isEqualTo(SessionFormat.PANEL);
        assertThat(panel.startsAt()).isEqualTo(Instant.parse("2030-11-25T14:00:00Z"));
        assertThat(panel.endsAt()).isEqualTo(Instant.parse("2030-11-25T15:00:00Z"));
        assertThat(panel.track()).isEqualTo(health);
        assertThat(panel.host()).isEqualTo(council);
        assertThat(panel.facilitators()).containsExactly("Amara Okafor");
        assertThat(panel.speakers()).containsExactly("Bill Hughes");
        assertThat(panel.access()).containsExactlyInAnyOrder(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION);
        assertThat(panel.hasJoinLink()).isTrue();
        assertThat(panel.hasRecording()).isFalse();
        TimetableEntry welcome = day.get(0);
        assertThat(welcome.track()).isNull();
        assertThat(welcome.host()).isNull();
        assertThat(welcome.people()).isEmpty();
        assertThat(welcome.access()).isEmpty();
        assertThat(welcome.hasJoinLink()).isFalse();
    }

    @Test
    void a_day_runs_midnight_to_midnight_in_the_conference_zone_across_the_autumn_clock_change() {
        // British Summer Time ends at 2am on Sunday 25 October 2026: that day is 25 hours long in London.
        ConferenceSummary autumn = fixture.conference("Autumn gathering", "Europe/London",
                LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26));
        LocalDate saturday = LocalDate.of(2026, 10, 24);
        LocalDate sunday = LocalDate.of(2026, 10, 25);
        fixture.session(autumn, "Saturday late").at(saturday.atTime(23, 30), saturday.atTime(23, 55)).create();
        fixture.session(autumn, "Sunday 00:30 BST").at(sunday.atTime(0, 30), sunday.atTime(0, 55)).create();
        fixture.session(autumn, "Sunday 02:30 GMT").at(sunday.atTime(2, 30), sunday.atTime(3, 0)).create();
        fixture.session(autumn, "Sunday late").at(sunday.atTime(23, 30), sunday.atTime(23, 55)).create();
        fixture.session(autumn, "Monday early").at(LocalDateTime.of(2026, 10, 26, 0, 10),
                LocalDateTime.of(2026, 10, 26, 0, 40)).create();

        List<TimetableEntry> sundaySessions = timetables.timetable(autumn, TimetableFilter.day(sunday));

        assertThat(sundaySessions).extracting(TimetableEntry::title)
                .containsExactly("Sunday 00:30 BST", "Sunday 02:30 GMT", "Sunday late");
        // 00:30 BST is 23:30 UTC on Saturday: a UTC-based day would have put it on the wrong tab.
        assertThat(sundaySessions.get(0).startsAt()).isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(sundaySessions.get(2).startsAt()).isEqualTo(Instant.parse("2026-10-25T23:30:00Z"));
        assertThat(timetables.timetable(autumn, TimetableFilter.day(saturday))).extracting(TimetableEntry::title)
                .containsExactly("Saturday late");
        assertThat(timetables.matchesPerDay(autumn, TimetableFilter.day(sunday)))
                .containsEntry(saturday, 1).containsEntry(sunday, 3).containsEntry(sunday.plusDays(1), 1);
    }

    @Test
    void a_far_away_conference_zone_decides_the_day_not_utc() {
        ConferenceSummary auckland = fixture.conference("Aotearoa hui", "Pacific/Auckland", MONDAY, TUESDAY);
        fixture.session(auckland, "Monday 9am in Auckland").at(monday(9, 0), monday(10, 0)).create();

        List<TimetableEntry> day = timetables.timetable(auckland, TimetableFilter.day(MONDAY));

        assertThat(day).extracting(TimetableEntry::title).containsExactly("Monday 9am in Auckland");
        assertThat(day.get(0).startsAt()).isEqualTo(Instant.parse("2030-11-24T20:00:00Z"));
    }

    @Test
    void each_filter_narrows_and_filters_combine() {
        fixture.session(week, "Housing workshop").at(monday(10, 0), monday(11, 0)).format(SessionFormat.WORKSHOP)
                .track(housing).host(council).access(AccessFeature.LIVE_CAPTIONS).create();
        fixture.session(week, "Health workshop").at(monday(10, 0), monday(11, 0)).format(SessionFormat.WORKSHOP)
                .track(health).host(carers).access(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION).create();
        fixture.session(week, "Health webinar").at(monday(11, 0), monday(12, 0)).format(SessionFormat.WEBINAR)
                .track(health).host(council).access(AccessFeature.BSL_INTERPRETATION).create();
        fixture.session(week, "Social").at(monday(17, 0), monday(18, 0)).format(SessionFormat.SOCIAL).create();

        assertThat(titles(filter(MONDAY, Set.of(health.id()), null, null, null, null)))
                .containsExactly("Health workshop", "Health webinar");
        assertThat(titles(filter(MONDAY, Set.of(health.id(), housing.id()), null, null, null, null)))
                .containsExactlyInAnyOrder("Housing workshop", "Health workshop", "Health webinar");
        assertThat(titles(filter(MONDAY, null, Set.of(SessionFormat.WORKSHOP), null, null, null)))
                .containsExactlyInAnyOrder("Housing workshop", "Health workshop");
        assertThat(titles(filter(MONDAY, null, Set.of(SessionFormat.SOCIAL, SessionFormat.WEBINAR), null, null, null)))
                .containsExactly("Health webinar", "Social");
        assertThat(titles(filter(MONDAY, null, null, Set.of(council.id()), null, null)))
                .containsExactlyInAnyOrder("Housing workshop", "Health webinar");
        assertThat(titles(filter(MONDAY, null, null, null, Set.of(AccessFeature.LIVE_CAPTIONS), null)))
                .containsExactlyInAnyOrder("Housing workshop", "Health workshop");
        // Access needs are all required: captions AND BSL.
        assertThat(titles(filter(MONDAY, null, null, null,
                Set.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION), null)))
                .containsExactly("Health workshop");
        assertThat(titles(filter(MONDAY, Set.of(health.id()), Set.of(SessionFormat.WEBINAR), Set.of(council.id()),
                Set.of(AccessFeature.BSL_INTERPRETATION), "webinar")))
                .containsExactly("Health webinar");
        assertThat(titles(filter(MONDAY, Set.of(housing.id()), Set.of(SessionFormat.WEBINAR), null, null, null)))
                .isEmpty();
        assertThat(timetables.matchesPerDay(week, filter(TUESDAY, Set.of(health.id()), null, null, null, null)))
                .containsExactly(java.util.Map.entry(MONDAY, 2));
    }

    @Test
    void free_text_searches_title_summary_host_and_people_ignoring_case() {
        fixture.session(week, "Dementia-friendly design").at(monday(10, 0), monday(11, 0)).create();
        fixture.session(week, "Walking groups").summary("How **dementia** cafés run walks.").at(monday(11, 0), monday(12, 0)).create();
        fixture.session(week, "Hosted by carers").host(carers).at(monday(12, 0), monday(13, 0)).create();
        fixture.session(week, "Amara's session").person(amara, PersonRole.FACILITATOR).at(monday(13, 0), monday(14, 0)).create();
        fixture.session(week, "Something else").at(monday(14, 0), monday(15, 0)).create();

        assertThat(titles(filter(MONDAY, null, null, null, null, "DEMENTIA")))
                .containsExactly("Dementia-friendly design", "Walking groups");
        assertThat(titles(filter(MONDAY, null, null, null, null, "carers together")))
                .containsExactly("Hosted by carers");
        assertThat(titles(filter(MONDAY, null, null, null, null, "okafor")))
                .containsExactly("Amara's session");
        // Every word must match somewhere, not necessarily together.
        assertThat(titles(filter(MONDAY, null, null, null, null, "  walks   cafés ")))
                .containsExactly("Walking groups");
        assertThat(titles(filter(MONDAY, null, null, null, null, "dementia okafor"))).isEmpty();
    }

    @Test
    void like_wildcards_typed_in_the_search_are_matched_literally() {
        fixture.session(week, "100% accessible events").at(monday(10, 0), monday(11, 0)).create();
        fixture.session(week, "Plan_B for winter").at(monday(11, 0), monday(12, 0)).create();
        fixture.session(week, "Planning ahead").at(monday(12, 0), monday(13, 0)).create();
        fixture.session(week, "Back slash \\ and bang ! titles").at(monday(13, 0), monday(14, 0)).create();

        assertThat(titles(filter(MONDAY, null, null, null, null, "%"))).containsExactly("100% accessible events");
        assertThat(titles(filter(MONDAY, null, null, null, null, "_"))).containsExactly("Plan_B for winter");
        assertThat(titles(filter(MONDAY, null, null, null, null, "plan_"))).containsExactly("Plan_B for winter");
        assertThat(titles(filter(MONDAY, null, null, null, null, "\\"))).containsExactly("Back slash \\ and bang ! titles");
        assertThat(titles(filter(MONDAY, null, null, null, null, "!"))).containsExactly("Back slash \\ and bang ! titles");
    }

    @Test
    void conference_detail_offers_its_tracks_the_hosts_with_sessions_in_it_and_the_formats_used() {
        HostRef elsewhere = fixture.host("Only elsewhere");
        ConferenceSummary other = fixture.conference("Another conference", "Europe/London", MONDAY, MONDAY);
        fixture.session(other, "Elsewhere").host(elsewhere).format(SessionFormat.PERFORMANCE)
                .at(monday(10, 0), monday(11, 0)).create();
        fixture.session(week, "A").host(council).format(SessionFormat.WORKSHOP).at(monday(10, 0), monday(11, 0)).create();
        fixture.session(week, "B").host(carers).format(SessionFormat.TALK).at(monday(11, 0), monday(12, 0)).create();
        fixture.session(week, "C").host(carers).format(SessionFormat.WEBINAR).at(monday(12, 0), monday(13, 0)).create();

        ConferenceDetail detail = programme.conferenceDetail(week.slug()).orElseThrow();

        assertThat(detail.summary()).isEqualTo(week);
        assertThat(detail.description()).startsWith("A week of sessions");
        assertThat(detail.tracks()).containsExactly(housing, health);
        assertThat(detail.hosts()).containsExactly(carers, council);
        assertThat(detail.formats()).containsExactly(SessionFormat.WEBINAR, SessionFormat.WORKSHOP, SessionFormat.TALK);
        assertThat(detail.days()).hasSize(5).startsWith(MONDAY).endsWith(MONDAY.plusDays(4));
        assertThat(programme.conferenceDetail("tt-no-such-conference")).isEmpty();
    }

    @Test
    void session_detail_has_everything_the_session_page_needs() {
        long id = fixture.session(week, "Co-producing care plans").format(SessionFormat.WORKSHOP)
                .at(monday(10, 0), monday(11, 30)).track(health).host(carers)
                .summary("We will **plan together**.\n\n<script>alert('x')</script>")
                .person(bill, PersonRole.SPEAKER).person(amara, PersonRole.FACILITATOR)
                .access(AccessFeature.EASY_READ, AccessFeature.BUILT_IN_BREAKS)
                .accessNotes("Easy read slides are sent a week before.")
                .joinUrl("https://meet.example.org/care").recordingUrl("https://video.example.org/care")
                .capacity(40).create();

        SessionDetail detail = programme.session(id).orElseThrow();

        assertThat(detail.title()).isEqualTo("Co-producing care plans");
        assertThat(detail.format()).isEqualTo(SessionFormat.WORKSHOP);
        assertThat(detail.startsAt()).isEqualTo(Instant.parse("2030-11-25T10:00:00Z"));
        assertThat(detail.endsAt()).isEqualTo(Instant.parse("2030-11-25T11:30:00Z"));
        assertThat(detail.track()).isEqualTo(health);
        assertThat(detail.host().name()).isEqualTo(carers.name());
        assertThat(detail.host().website()).startsWith("https://example.org/");
        assertThat(detail.summaryHtml()).contains("<strong>plan together</strong>").doesNotContain("<script");
        assertThat(detail.access()).containsExactlyInAnyOrder(AccessFeature.EASY_READ, AccessFeature.BUILT_IN_BREAKS);
        assertThat(detail.accessNotes()).isEqualTo("Easy read slides are sent a week before.");
        assertThat(detail.joinUrl()).isEqualTo("https://meet.example.org/care");
        assertThat(detail.recordingUrl()).isEqualTo("https://video.example.org/care");
        assertThat(detail.capacity()).isEqualTo(40);
        assertThat(detail.people()).containsExactly(
                new SessionPerson("Amara Okafor", PersonRole.FACILITATOR, "Carers Together",
                        "Amara has cared for her dad for ten years."),
                new SessionPerson("Bill Hughes", PersonRole.SPEAKER, null, "Bill chairs a tenants' forum."));
        assertThat(detail.conference()).isEqualTo(week);
        assertThat(detail.conferenceDay()).isEqualTo(MONDAY);
        assertThat(programme.session(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void the_join_window_opens_ten_minutes_before_the_start_and_closes_at_the_end() {
        long id = fixture.session(week, "Join me").at(monday(10, 0), monday(11, 0))
                .joinUrl("https://meet.example.org/x").create();
        long noLink = fixture.session(week, "No link").at(monday(10, 0), monday(11, 0)).create();
        SessionDetail session = programme.session(id).orElseThrow();
        SessionDetail withoutLink = programme.session(noLink).orElseThrow();
        Instant start = Instant.parse("2030-11-25T10:00:00Z");

        assertThat(session.joinState(start.minusSeconds(11 * 60))).isEqualTo(JoinState.NOT_YET_OPEN);
        assertThat(session.joinState(start.minusSeconds(10 * 60))).isEqualTo(JoinState.OPEN);
        assertThat(session.joinState(start.plusSeconds(59 * 60))).isEqualTo(JoinState.OPEN);
        assertThat(session.joinState(start.plusSeconds(60 * 60))).isEqualTo(JoinState.ENDED);
        assertThat(withoutLink.joinState(start)).isEqualTo(JoinState.NO_LINK);
        assertThat(withoutLink.joinState(start.plusSeconds(60 * 60))).isEqualTo(JoinState.ENDED);
    }
}
