package org.convene.organising;

import org.convene.programme.HostRef;

import org.convene.core.SaveResult;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.core.SaveResults.problems;
import static org.convene.core.SaveResults.saved;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class ConferenceAdminServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 24);

    @Autowired
    ProgrammeService programme;
    @Autowired
    ConferenceAdminService admin;
    @Autowired
    HostAdminService hostAdmin;
    @Autowired
    PersonAdminService personAdmin;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConveneUser organiser;
    final List<String> slugs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        organiser = data.user(Role.ORGANISER);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.in(slugs)).execute();
        fixture.cleanUp();
    }

    private String slug() {
        String slug = "ca-" + TestData.unique("c").toLowerCase();
        slugs.add(slug);
        return slug;
    }

    private ConferenceForm form(String slug) {
        return new ConferenceForm("Co-production Week 2031", slug, "Nothing about us without us", null,
                "Europe/London", MONDAY, MONDAY.plusDays(4));
    }

    // --- conferences

    @Test
    void a_slug_is_suggested_from_the_name_in_the_databases_format() {
        assertThat(ConferenceAdminService.suggestSlug("Co-production Week 2026")).isEqualTo("co-production-week-2026");
        assertThat(ConferenceAdminService.suggestSlug("  Café & Carers' Day!  ")).isEqualTo("cafe-carers-day");
        assertThat(ConferenceAdminService.suggestSlug("x".repeat(70))).hasSize(64);
    }

    @Test
    void an_organiser_creates_a_conference_and_it_can_be_read_back() {
        String slug = slug();
        ConferenceEdit created = saved(admin.createConference(form(slug)));

        assertThat(created.slug()).isEqualTo(slug);
        assertThat(created.timeZone().getId()).isEqualTo("Europe/London");
        assertThat(created.version()).isZero();
        assertThat(admin.conference(slug)).contains(created);
        assertThat(admin.conferences()).extracting(ConferenceSummary::slug).contains(slug);
    }

    @Test
    void anyone_may_join_unless_the_organisers_ask_for_an_account_and_the_choice_is_kept_on_every_save() {
        String slug = slug();
        ConferenceEdit created = saved(admin.createConference(form(slug)));
        assertThat(created.joinNeedsAccount()).as("today's behaviour by default").isFalse();
        assertThat(programme.joinNeedsAccount(created.id())).isFalse();

        ConferenceForm asking = new ConferenceForm("Co-production Week 2031", slug, null, null, "Europe/London",
                MONDAY, MONDAY.plusDays(4), true);
        ConferenceEdit changed = saved(admin.updateConference(created.id(), created.version(), asking));

        assertThat(changed.joinNeedsAccount()).isTrue();
        assertThat(programme.joinNeedsAccount(created.id())).isTrue();
        assertThat(saved(admin.createConference(new ConferenceForm("Members' day", slug(), null, null,
                "Europe/London", MONDAY, MONDAY, true))).joinNeedsAccount()).isTrue();
    }

    @Test
    void every_problem_of_a_conference_form_is_reported_at_once_in_form_order() {
        var result = admin.createConference(new ConferenceForm("  ", "Not A Slug!", null, null, "Mars/Olympus",
                null, null));

        assertThat(problems(result)).containsExactly(
                java.util.Map.entry(ConferenceForm.NAME, "Enter the conference name"),
                java.util.Map.entry(ConferenceForm.SLUG, "Short name must only include lower-case letters, "
                        + "numbers and hyphens, and start and end with a letter or number"),
                java.util.Map.entry(ConferenceForm.TIME_ZONE, "Select a time zone from the list"),
                java.util.Map.entry(ConferenceForm.FIRST_DAY, "Enter the first day, as a real date"),
                java.util.Map.entry(ConferenceForm.LAST_DAY, "Enter the last day, as a real date"));
    }

    @Test
    void a_last_day_before_the_first_and_a_taken_slug_are_refused() {
        String slug = slug();
        saved(admin.createConference(form(slug)));

        var result = admin.createConference(new ConferenceForm("Another", slug, null, null, "Europe/London",
                MONDAY, MONDAY.minusDays(1)));

        assertThat(problems(result)).containsEntry(ConferenceForm.SLUG,
                        "Another conference already uses this short name. Choose a different one")
                .containsEntry(ConferenceForm.LAST_DAY, "The last day must be the same as or after the first day");
    }

    @Test
    void editing_with_a_stale_version_is_a_conflict_and_changes_nothing() {
        String slug = slug();
        ConferenceEdit created = saved(admin.createConference(form(slug)));
        ConferenceForm renamed = new ConferenceForm("Renamed week", slug, null, null, "Europe/London",
                MONDAY, MONDAY.plusDays(4));
        ConferenceEdit first = saved(admin.updateConference(created.id(), created.version(), renamed));
        assertThat(first.version()).isEqualTo(1);

        var second = admin.updateConference(created.id(), created.version(),
                new ConferenceForm("Someone else's name", slug, null, null, "Europe/London", MONDAY, MONDAY));

        assertThat(second).isInstanceOf(SaveResult.Conflict.class);
        assertThat(admin.conference(slug).orElseThrow().name()).isEqualTo("Renamed week");
    }

    @Test
    void dates_that_leave_sessions_outside_are_refused_saying_how_many() {
        ConferenceSummary week = fixture.conference("Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        fixture.session(week, "Friday one").at(MONDAY.plusDays(4).atTime(10, 0), MONDAY.plusDays(4).atTime(11, 0))
                .create();
        fixture.session(week, "Friday two").at(MONDAY.plusDays(4).atTime(14, 0), MONDAY.plusDays(4).atTime(15, 0))
                .create();
        fixture.session(week, "Monday").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        int version = admin.conference(week.slug()).orElseThrow().version();

        var result = admin.updateConference(week.id(), version, new ConferenceForm("Week", week.slug(), null, null,
                "Europe/London", MONDAY, MONDAY.plusDays(3)));

        assertThat(problems(result)).containsExactly(java.util.Map.entry(ConferenceForm.FIRST_DAY,
                "2 sessions are outside these days. Move them first, or choose days that include them"));
        assertThat(admin.conference(week.slug()).orElseThrow().lastDay()).isEqualTo(MONDAY.plusDays(4));
    }

    // --- tracks

    @Test
    void tracks_are_added_in_order_moved_renamed_and_duplicates_refused() {
        ConferenceSummary week = fixture.conference("Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        TrackRow health = saved(admin.addTrack(week.id(), "Health"));
        TrackRow housing = saved(admin.addTrack(week.id(), "Housing"));

        assertThat(problems(admin.addTrack(week.id(), "health"))).containsEntry(ConferenceAdminService.TRACK_NAME,
                "This conference already has a track called \u201chealth\u201d. Choose a different name");
        assertThat(problems(admin.addTrack(week.id(), " "))).containsEntry(ConferenceAdminService.TRACK_NAME,
                "Enter the track name");

        assertThat(admin.moveTrack(housing.id(), true)).isTrue();
        assertThat(admin.moveTrack(housing.id(), true)).as("already first").isFalse();
        assertThat(admin.conference(week.slug()).orElseThrow().tracks()).extracting(TrackRow::name)
                .containsExactly("Housing", "Health");

        TrackRow current = admin.conference(week.slug()).orElseThrow().tracks().get(1);
        TrackRow renamed = saved(admin.renameTrack(health.id(), current.version(), "Health and care"));
        assertThat(renamed.name()).isEqualTo("Health and care");
        assertThat(admin.renameTrack(health.id(), current.version(), "Stale")).isInstanceOf(SaveResult.Conflict.class);
    }

    @Test
    void removing_a_track_says_how_many_sessions_lose_it_and_keeps_them() {
        ConferenceSummary week = fixture.conference("Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        TrackRow health = saved(admin.addTrack(week.id(), "Health"));
        TrackRef ref = new TrackRef(health.id(), health.name());
        long session = fixture.session(week, "In the track").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0))
                .track(ref).create();

        assertThat(admin.sessionsInTrack(health.id())).isEqualTo(1);
        assertThat(admin.removeTrack(health.id())).isEqualTo(1);

        assertThat(admin.conference(week.slug()).orElseThrow().tracks()).isEmpty();
        assertThat(db.select(PROGRAMME_SESSION.TRACK_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1()).isNull();
    }

    // --- who may

    @Test
    void attendees_and_host_coordinators_are_refused_every_organiser_only_call() {
        ConferenceSummary week = fixture.conference("Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        TrackRef track = fixture.track(week, "Track", 0);
        HostRef host = fixture.host("Host");
        long person = fixture.person("Someone", null, null);
        List<Supplier<?>> calls = List.of(
                () -> admin.conferences(),
                () -> admin.conference(week.slug()),
                () -> admin.createConference(form(slug())),
                () -> admin.updateConference(week.id(), 0, form(week.slug())),
                () -> admin.addTrack(week.id(), "New"),
                () -> admin.renameTrack(track.id(), 0, "New"),
                () -> admin.moveTrack(track.id(), false),
                () -> admin.sessionsInTrack(track.id()),
                () -> admin.removeTrack(track.id()),
                () -> hostAdmin.hosts(null, 0, 10),
                () -> hostAdmin.countHosts(null),
                () -> hostAdmin.host(host.id()),
                () -> hostAdmin.createHost(new HostForm("New host " + fixture.tag(), null, null)),
                () -> hostAdmin.updateHost(host.id(), 0, new HostForm("Renamed", null, null)),
                () -> personAdmin.people(null, 0, 10),
                () -> personAdmin.countPeople(null),
                () -> personAdmin.person(person),
                () -> personAdmin.createPerson(new PersonForm("New", null, null, null)),
                () -> personAdmin.updatePerson(person, 0, new PersonForm("New", null, null, null)));
        for (ConveneUser user : List.of(data.user(), data.user(Role.HOST), data.user(Role.FACILITATOR))) {
            AccountFixtures.actAs(user);
            for (Supplier<?> call : calls) {
                assertThatThrownBy(call::get).isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThat(db.fetchCount(org.convene.db.Tables.TRACK, org.convene.db.Tables.TRACK.ID.eq(track.id())))
                .as("nothing was removed").isEqualTo(1);
    }

    @Test
    void a_nul_or_control_character_in_a_conference_or_track_is_a_problem_on_its_field() {
        var result = admin.createConference(new ConferenceForm("Week\u0000", slug(), "Theme\u0007",
                "Line one\nline two\u0000", "Europe/London", MONDAY, MONDAY.plusDays(1)));

        assertThat(problems(result)).containsExactly(
                java.util.Map.entry(ConferenceForm.NAME, "The conference name contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(ConferenceForm.THEME, "The theme contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(ConferenceForm.DESCRIPTION, "The description contains a character that cannot be stored (a control character). Remove it and try again."));
        ConferenceEdit week = saved(admin.createConference(form(slug())));
        assertThat(problems(admin.addTrack(week.id(), "Main\u0000stage"))).containsExactly(
                java.util.Map.entry(ConferenceAdminService.TRACK_NAME, "The track name contains a character that cannot be stored (a control character). Remove it and try again."));
    }
}
