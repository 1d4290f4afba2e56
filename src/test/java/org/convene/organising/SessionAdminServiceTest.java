package org.convene.organising;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.convene.programme.SessionRules;
import org.convene.programme.TrackRef;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.account.EmailConfirmationService;
import org.convene.core.security.ConveneUser;
import org.convene.programme.SessionRules.Field;
import org.convene.organising.SessionSaveResult.Conflict;
import org.convene.organising.SessionSaveResult.Invalid;
import org.convene.organising.SessionSaveResult.OverlapWarning;
import org.convene.organising.SessionSaveResult.Saved;
import org.convene.qa.QaService;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class SessionAdminServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 24);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    SessionAdminService service;
    @Autowired
    QaService qa;
    @Autowired
    DSLContext db;
    @Autowired
    DataSource dataSource;

    ProgrammeFixture programme;
    ConferenceSummary week;
    ConferenceSummary otherWeek;
    TrackRef health;
    TrackRef otherTrack;
    HostRef carers;
    HostRef council;
    ConveneUser organiser;
    ConveneUser carersCoordinator;
    ConveneUser attendee;
    long carersSession;
    long councilSession;
    long hostlessSession;

    @BeforeEach
    void setUp() {
        programme = new ProgrammeFixture(db);
        week = programme.conference("Co-production Week 2031", "Europe/London", MONDAY, MONDAY.plusDays(4));
        otherWeek = programme.conference("Another week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = programme.track(week, "Health and care", 1);
        otherTrack = programme.track(otherWeek, "Elsewhere", 1);
        carers = programme.host("Carers Together");
        council = programme.host("Northshire Council");
        organiser = programme.organiser();
        carersCoordinator = programme.coordinator(carers);
        attendee = programme.attendee();
        carersSession = programme.session(week, "Carers' cafe").host(carers)
                .at(monday(10, 0), monday(11, 0)).create();
        councilSession = programme.session(week, "Council budget").host(council)
                .at(monday(12, 0), monday(13, 0)).create();
        hostlessSession = programme.session(week, "Welcome").at(monday(9, 0), monday(9, 30)).create();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        programme.cleanUp();
    }

    private static Instant monday(int hour, int minute) {
        return MONDAY.atTime(hour, minute).atZone(LONDON).toInstant();
    }

    private SessionDraft draft(String title, Instant start, Instant end, Long trackId, Long hostId) {
        return new SessionDraft(week.id(), null, title, "About **care**.", SessionFormat.WORKSHOP, start, end,
                trackId, hostId, "https://meet.example.org/room", 20, Set.of(AccessFeature.LIVE_CAPTIONS),
                "Slides a week before");
    }

    private SessionDraft draft(String title, Long hostId) {
        return draft(title, monday(14, 0), monday(15, 0), null, hostId);
    }

    private int version(long sessionId) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
    }

    private String title(long sessionId) {
        return db.select(PROGRAMME_SESSION.TITLE).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
    }

    private static List<Field> fields(SessionSaveResult result) {
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).problems().stream().map(SessionRules.Problem::field).toList();
    }

    // ---- saving and validation ----------------------------------------------------------------------------

    @Test
    void an_organiser_creates_a_session_and_reads_it_back_for_editing() {
        AccountFixtures.actAs(organiser);
        SessionSaveResult result = service.create(new SessionDraft(week.id(), "CPW-101", "Peer support that works",
                "About **care**.", SessionFormat.PANEL, monday(14, 0), monday(15, 30), health.id(), carers.id(),
                "https://meet.example.org/peer", 40, Set.of(AccessFeature.BSL_INTERPRETATION,
                AccessFeature.BUILT_IN_BREAKS), "Breaks every 20 minutes"), false);

        assertThat(result).isInstanceOf(Saved.class);
        Saved saved = (Saved) result;
        SessionForEditing session = service.forEditing(saved.sessionId()).orElseThrow();
        assertThat(session.version()).isEqualTo(saved.version());
        assertThat(session.conference().id()).isEqualTo(week.id());
        assertThat(session.reference()).isEqualTo("CPW-101");
        assertThat(session.title()).isEqualTo("Peer support that works");
        assertThat(session.format()).isEqualTo(SessionFormat.PANEL);
        assertThat(session.startsAt()).isEqualTo(monday(14, 0));
        assertThat(session.endsAt()).isEqualTo(monday(15, 30));
        assertThat(session.trackId()).isEqualTo(health.id());
        assertThat(session.hostId()).isEqualTo(carers.id());
        assertThat(session.capacity()).isEqualTo(40);
        assertThat(session.access()).containsExactlyInAnyOrder(AccessFeature.BSL_INTERPRETATION,
                AccessFeature.BUILT_IN_BREAKS);
        assertThat(session.accessNotes()).isEqualTo("Breaks every 20 minutes");
        assertThat(session.cancelled()).isFalse();
        assertThat(session.facilitators()).isEmpty();
    }

    @Test
    void each_rule_of_a_session_comes_back_as_a_problem_on_its_field() {
        AccountFixtures.actAs(organiser);
        SessionDraft broken = new SessionDraft(week.id(), "not a reference!", " ", "", null, monday(11, 0),
                monday(10, 0), null, null, "zoom.us/j/1", 0, Set.of(), "x".repeat(1001));

        assertThat(fields(service.create(broken, false))).containsExactly(Field.REFERENCE, Field.TITLE,
                Field.FORMAT, Field.ENDS_AT, Field.JOIN_URL, Field.CAPACITY, Field.ACCESS_NOTES);
        assertThat(((Invalid) service.create(broken, false)).problems()).extracting(SessionRules.Problem::message)
                .contains("Enter a title", "The end time must be after the start time");
        assertThat(fields(service.create(draft("Missing times", null, null, null, null), false)))
                .containsExactly(Field.STARTS_AT, Field.ENDS_AT);
    }

    @Test
    void the_registration_closing_time_is_saved_and_read_back_and_can_be_cleared() {
        AccountFixtures.actAs(organiser);
        Saved saved = (Saved) service.create(draft("Small workshop", carers.id()),
                new SessionRegistration(monday(12, 0), false), false);
        assertThat(service.forEditing(saved.sessionId()).orElseThrow().registration().closesAt())
                .isEqualTo(monday(12, 0));

        // a save that does not mention registration (the old signature) keeps it as it is
        Saved again = (Saved) service.update(saved.sessionId(), saved.version(), draft("Small workshop 2",
                carers.id()), false);
        assertThat(service.forEditing(saved.sessionId()).orElseThrow().registration().closesAt())
                .isEqualTo(monday(12, 0));

        service.update(saved.sessionId(), again.version(), draft("Small workshop", carers.id()),
                SessionRegistration.OPEN, false);
        assertThat(service.forEditing(saved.sessionId()).orElseThrow().registration().closesAt()).isNull();
    }

    @Test
    void registration_cannot_close_at_or_after_the_end_of_the_session() {
        AccountFixtures.actAs(organiser);
        SessionSaveResult atTheEnd = service.create(draft("Late closing", carers.id()),
                new SessionRegistration(monday(15, 0), false), false);

        assertThat(fields(atTheEnd)).containsExactly(Field.REGISTRATION_CLOSES_AT);
        assertThat(((Invalid) atTheEnd).problems().getFirst().message())
                .isEqualTo(SessionRules.REGISTRATION_CLOSES_TOO_LATE).contains("Registration closes");
        SessionDraft cafe = draft("Carers' cafe", monday(10, 0), monday(11, 0), null, carers.id());
        assertThat(fields(service.update(carersSession, version(carersSession), cafe,
                new SessionRegistration(monday(11, 30), false), false)))
                .containsExactly(Field.REGISTRATION_CLOSES_AT);
        assertThat(db.select(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(carersSession)).fetchSingle().value1()).isNull();
    }

    @Test
    void a_session_must_fall_within_the_conference_days() {
        AccountFixtures.actAs(organiser);
        Instant sundayBefore = MONDAY.minusDays(1).atTime(10, 0).atZone(LONDON).toInstant();
        SessionSaveResult result = service.create(draft("Too early", sundayBefore, sundayBefore.plusSeconds(3600),
                null, null), false);

        assertThat(fields(result)).containsExactly(Field.STARTS_AT);
        assertThat(((Invalid) result).problems().getFirst().message())
                .isEqualTo("The session must take place during the conference, between Monday 24 November 2031 "
                        + "and Friday 28 November 2031");
    }

    @Test
    void a_track_of_another_conference_and_a_reference_already_used_are_refused() {
        AccountFixtures.actAs(organiser);
        SessionDraft first = new SessionDraft(week.id(), "CPW-7", "First", "", SessionFormat.TALK, monday(14, 0),
                monday(15, 0), null, null, null, null, Set.of(), null);
        assertThat(service.create(first, false)).isInstanceOf(Saved.class);

        SessionDraft second = new SessionDraft(week.id(), "CPW-7", "Second", "", SessionFormat.TALK, monday(16, 0),
                monday(17, 0), otherTrack.id(), null, null, null, Set.of(), null);
        SessionSaveResult result = service.create(second, false);

        assertThat(fields(result)).containsExactly(Field.REFERENCE, Field.TRACK);
        assertThat(((Invalid) result).problems().getFirst().message())
                .isEqualTo("Another session in this conference already has the reference CPW-7. "
                        + "Enter a different reference");
    }

    @Test
    void a_reference_saved_by_someone_else_at_the_same_moment_is_refused_like_one_already_taken() throws Exception {
        String message = "Another session in this conference already has the reference CPW-RACE. "
                + "Enter a different reference";
        // The other person's insert is made but not committed: our pre-check cannot see it, our insert then
        // waits on the unique index until they commit, and collides.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            DSL.using(other, SQLDialect.POSTGRES).insertInto(PROGRAMME_SESSION)
                    .set(PROGRAMME_SESSION.CONFERENCE_ID, week.id())
                    .set(PROGRAMME_SESSION.REFERENCE, "CPW-RACE")
                    .set(PROGRAMME_SESSION.TITLE, "Theirs")
                    .set(PROGRAMME_SESSION.FORMAT, SessionFormat.TALK)
                    .set(PROGRAMME_SESSION.STARTS_AT, monday(16, 0))
                    .set(PROGRAMME_SESSION.ENDS_AT, monday(17, 0))
                    .execute();
            SessionDraft ours = new SessionDraft(week.id(), "CPW-RACE", "Ours", "", SessionFormat.TALK,
                    monday(14, 0), monday(15, 0), null, null, null, null, Set.of(), null);
            ExecutorService saver = Executors.newSingleThreadExecutor();
            try {
                Future<SessionSaveResult> result = saver.submit(() -> {
                    AccountFixtures.actAs(organiser);
                    try {
                        return service.create(ours, false);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                ProgrammeFixture.awaitALockWait(db, result);
                other.commit();

                assertThat(result.get(30, TimeUnit.SECONDS))
                        .isEqualTo(new Invalid(List.of(new SessionRules.Problem(Field.REFERENCE, message))));
            } finally {
                saver.shutdownNow();
            }
        }
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()),
                PROGRAMME_SESSION.REFERENCE.eq("CPW-RACE"))).isEqualTo(1);
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()),
                PROGRAMME_SESSION.TITLE.eq("Ours"))).isZero();

        // the same answer the pre-check gives once their session is visible
        AccountFixtures.actAs(organiser);
        SessionSaveResult again = service.create(new SessionDraft(week.id(), "CPW-RACE", "Ours", "",
                SessionFormat.TALK, monday(14, 0), monday(15, 0), null, null, null, null, Set.of(), null), false);
        assertThat(again).isEqualTo(new Invalid(List.of(new SessionRules.Problem(Field.REFERENCE, message))));
    }

    @Test
    void an_overlap_in_the_same_track_is_a_warning_until_it_is_confirmed() {
        AccountFixtures.actAs(organiser);
        long existing = programme.session(week, "Morning yoga").track(health).at(monday(10, 0), monday(11, 0))
                .create();
        SessionDraft overlapping = draft("Chair exercises", monday(10, 30), monday(11, 30), health.id(), null);

        SessionSaveResult warned = service.create(overlapping, false);
        assertThat(warned).isEqualTo(new OverlapWarning(List.of("Morning yoga")));
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()),
                PROGRAMME_SESSION.TITLE.eq("Chair exercises"))).isZero();

        SessionSaveResult saved = service.create(overlapping, true);
        assertThat(saved).isInstanceOf(Saved.class);

        // editing the existing session warns about the new one, not about itself
        SessionForEditing yoga = service.forEditing(existing).orElseThrow();
        assertThat(service.update(existing, yoga.version(), yoga.toDraft(), false))
                .isEqualTo(new OverlapWarning(List.of("Chair exercises")));
    }

    @Test
    void of_two_people_saving_from_the_same_version_the_second_is_told_and_nothing_is_overwritten() {
        AccountFixtures.actAs(organiser);
        SessionForEditing loaded = service.forEditing(carersSession).orElseThrow();
        SessionDraft mine = draft("Carers' cafe, mine", carers.id());
        SessionDraft theirs = draft("Carers' cafe, theirs", carers.id());

        SessionSaveResult first = service.update(carersSession, loaded.version(), theirs, false);
        SessionSaveResult second = service.update(carersSession, loaded.version(), mine, false);

        assertThat(first).isEqualTo(new Saved(carersSession, loaded.version() + 1));
        assertThat(second).isEqualTo(new Conflict());
        assertThat(title(carersSession)).isEqualTo("Carers' cafe, theirs");
        assertThat(version(carersSession)).isEqualTo(loaded.version() + 1);
        // after loading the latest version, the save goes through
        SessionForEditing latest = service.forEditing(carersSession).orElseThrow();
        assertThat(service.update(carersSession, latest.version(), mine, false)).isInstanceOf(Saved.class);
        assertThat(title(carersSession)).isEqualTo("Carers' cafe, mine");
    }

    @Test
    void a_conflict_is_reported_before_problems_in_an_out_of_date_form() {
        AccountFixtures.actAs(organiser);
        int loaded = version(carersSession);
        assertThat(service.update(carersSession, loaded, draft("Renamed", carers.id()), false))
                .isInstanceOf(Saved.class);

        assertThat(service.update(carersSession, loaded, draft("", carers.id()), false)).isEqualTo(new Conflict());
    }

    // ---- host scoping on every write path -----------------------------------------------------------------

    @Test
    void a_coordinator_creates_edits_and_staffs_their_own_organisations_sessions() {
        ConveneUser facilitator = programme.account("Fran Facilitator");
        AccountFixtures.actAs(carersCoordinator);

        assertThat(service.scope()).isEqualTo(new ManagerScope(false, List.of(carers)));
        assertThat(service.choices(week.id()).orElseThrow().hosts()).containsExactly(carers);
        assertThat(service.choices(week.id()).orElseThrow().hostRequired()).isTrue();
        assertThat(service.create(draft("Carers' walk", carers.id()), false)).isInstanceOf(Saved.class);
        SessionForEditing cafe = service.forEditing(carersSession).orElseThrow();
        assertThat(service.update(carersSession, cafe.version(), draft("Carers' cafe 2", carers.id()), false))
                .isInstanceOf(Saved.class);
        assertThat(service.addFacilitator(carersSession, facilitator.email()))
                .isInstanceOf(FacilitatorAssignment.Added.class);
        long person = service.forEditing(carersSession).orElseThrow().facilitators().getFirst().personId();
        assertThat(service.removeFacilitator(carersSession, person)).isTrue();
        assertThat(service.addSpeaker(carersSession, person)).isTrue();
        assertThat(service.removeSpeaker(carersSession, person)).isTrue();
    }

    @Test
    void a_coordinator_cannot_touch_another_organisations_session() {
        AccountFixtures.actAs(carersCoordinator);
        int version = version(councilSession);
        long person = programme.person("Someone", null, null);

        assertThatThrownBy(() -> service.forEditing(councilSession)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(councilSession, version, draft("Taken over", carers.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addFacilitator(councilSession, carersCoordinator.email()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeFacilitator(councilSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addSpeaker(councilSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeSpeaker(councilSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(draft("Council extra", council.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(title(councilSession)).isEqualTo("Council budget");
        assertThat(version(councilSession)).isEqualTo(version);
    }

    @Test
    void a_coordinator_cannot_move_their_session_to_another_organisation() {
        AccountFixtures.actAs(carersCoordinator);
        int version = version(carersSession);

        assertThatThrownBy(() -> service.update(carersSession, version, draft("Moved", council.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(title(carersSession)).isEqualTo("Carers' cafe");
    }

    @Test
    void a_coordinator_cannot_touch_a_session_without_a_host_nor_leave_the_host_empty() {
        AccountFixtures.actAs(carersCoordinator);
        int version = version(hostlessSession);

        assertThatThrownBy(() -> service.forEditing(hostlessSession)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(hostlessSession, version, draft("Mine now", carers.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addFacilitator(hostlessSession, carersCoordinator.email()))
                .isInstanceOf(AccessDeniedException.class);
        // their own session cannot be made host-less either: it would leave their reach
        assertThat(fields(service.update(carersSession, version(carersSession), draft("No host", null), false)))
                .containsExactly(Field.HOST);
        assertThat(fields(service.create(draft("No host", null), false))).containsExactly(Field.HOST);
        assertThat(title(carersSession)).isEqualTo("Carers' cafe");
    }

    @Test
    void a_coordinator_whose_organisations_were_removed_can_change_nothing() {
        ConveneUser former = programme.coordinator();
        AccountFixtures.actAs(former);

        assertThat(service.scope().mayManageAnything()).isFalse();
        assertThat(service.countSessions(week.id(), "")).isZero();
        assertThat(service.sessions(week.id(), "", ManagedSessionSort.START, true, 0, 50)).isEmpty();
        assertThatThrownBy(() -> service.choices(week.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(draft("Carers' walk", carers.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(carersSession, version(carersSession), draft("x", carers.id()),
                false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_attendee_is_refused_everything() {
        AccountFixtures.actAs(attendee);
        int version = version(carersSession);
        long person = programme.person("Someone", null, null);

        assertThatThrownBy(() -> service.scope()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.choices(week.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.countSessions(week.id(), "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.sessions(week.id(), "", ManagedSessionSort.START, true, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.forEditing(carersSession)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(draft("Mine", null), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(draft("Mine", carers.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(carersSession, version, draft("Mine", carers.id()), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addFacilitator(carersSession, attendee.email()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeFacilitator(carersSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addSpeaker(carersSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeSpeaker(carersSession, person))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.people("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(title(carersSession)).isEqualTo("Carers' cafe");
    }

    @Test
    void an_organiser_may_change_any_session_and_leave_the_host_empty() {
        AccountFixtures.actAs(organiser);

        assertThat(service.choices(week.id()).orElseThrow().hosts()).contains(carers, council);
        assertThat(service.choices(week.id()).orElseThrow().hostRequired()).isFalse();
        assertThat(service.update(councilSession, version(councilSession), draft("Budget", null), false))
                .isInstanceOf(Saved.class);
        assertThat(service.update(hostlessSession, version(hostlessSession), draft("Welcome", council.id()), false))
                .isInstanceOf(Saved.class);
        assertThat(service.create(draft("No host yet", null), false)).isInstanceOf(Saved.class);
        assertThat(service.addFacilitator(councilSession, organiser.email()))
                .isInstanceOf(FacilitatorAssignment.Added.class);
    }

    // ---- facilitators -------------------------------------------------------------------------------------

    @Test
    void an_assigned_facilitator_may_moderate_that_session_until_removed() {
        ConveneUser fran = programme.account("Fran Facilitator");
        AccountFixtures.actAs(fran);
        assertThat(qa.canModerate(carersSession)).isFalse();

        AccountFixtures.actAs(carersCoordinator);
        FacilitatorAssignment added = service.addFacilitator(carersSession, "  " + fran.email().toUpperCase() + " ");
        assertThat(added).isInstanceOf(FacilitatorAssignment.Added.class);
        AssignedPerson person = ((FacilitatorAssignment.Added) added).person();
        assertThat(person.name()).isEqualTo("Fran Facilitator");
        assertThat(person.hasAccount()).isTrue();
        assertThat(service.addFacilitator(carersSession, fran.email()))
                .isEqualTo(new FacilitatorAssignment.AlreadyAssigned(person));
        assertThat(service.forEditing(carersSession).orElseThrow().facilitators()).containsExactly(person);

        AccountFixtures.actAs(fran);
        assertThat(qa.canModerate(carersSession)).isTrue();
        assertThat(qa.canModerate(councilSession)).isFalse();

        AccountFixtures.actAs(carersCoordinator);
        assertThat(service.removeFacilitator(carersSession, person.personId())).isTrue();
        AccountFixtures.actAs(fran);
        assertThat(qa.canModerate(carersSession)).isFalse();
    }

    @Test
    void the_person_already_linked_to_the_account_is_reused_on_the_next_session() {
        ConveneUser fran = programme.account("Fran Facilitator");
        AccountFixtures.actAs(organiser);

        var first = (FacilitatorAssignment.Added) service.addFacilitator(carersSession, fran.email());
        var second = (FacilitatorAssignment.Added) service.addFacilitator(councilSession, fran.email());

        assertThat(second.person().personId()).isEqualTo(first.person().personId());
    }

    @Test
    void an_email_without_an_account_is_refused_with_what_to_do() {
        AccountFixtures.actAs(organiser);

        assertThat(service.addFacilitator(carersSession, "nobody-" + programme.tag() + "@example.org"))
                .isEqualTo(new FacilitatorAssignment.Refused(
                        "No account uses that email address. Ask them to sign up first, then add them."));
        assertThat(service.addFacilitator(carersSession, "  ")).isEqualTo(
                new FacilitatorAssignment.Refused("Enter an email address, like name@example.org"));
        assertThat(service.forEditing(carersSession).orElseThrow().facilitators()).isEmpty();
    }

    @Test
    void an_account_whose_address_is_not_confirmed_cannot_be_made_a_facilitator_until_it_is() {
        ConveneUser unconfirmed = programme.attendee();
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(unconfirmed.id())).execute();
        AccountFixtures.actAs(organiser);

        assertThat(service.addFacilitator(carersSession, unconfirmed.email()))
                .isEqualTo(new FacilitatorAssignment.Refused(EmailConfirmationService.UNCONFIRMED_FACILITATOR));
        assertThat(service.forEditing(carersSession).orElseThrow().facilitators()).isEmpty();

        db.update(APP_USER).set(APP_USER.EMAIL_CONFIRMED_AT, Instant.now()).where(APP_USER.ID.eq(unconfirmed.id()))
                .execute();
        assertThat(service.addFacilitator(carersSession, unconfirmed.email()))
                .isInstanceOf(FacilitatorAssignment.Added.class);
    }

    @Test
    void a_captioner_is_assigned_and_removed_like_a_facilitator_and_needs_a_confirmed_account() {
        ConveneUser unconfirmed = programme.attendee();
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(unconfirmed.id())).execute();
        AccountFixtures.actAs(organiser);

        assertThat(service.addCaptioner(carersSession, unconfirmed.email()))
                .isEqualTo(new FacilitatorAssignment.Refused(SessionAdminService.UNCONFIRMED_CAPTIONER));
        db.update(APP_USER).set(APP_USER.EMAIL_CONFIRMED_AT, Instant.now()).where(APP_USER.ID.eq(unconfirmed.id()))
                .execute();
        assertThat(service.addCaptioner(carersSession, unconfirmed.email()))
                .isInstanceOf(FacilitatorAssignment.Added.class);
        assertThat(service.addCaptioner(carersSession, unconfirmed.email()))
                .isInstanceOf(FacilitatorAssignment.AlreadyAssigned.class);
        SessionForEditing editing = service.forEditing(carersSession).orElseThrow();
        assertThat(editing.captioners()).hasSize(1);
        assertThat(editing.facilitators()).isEmpty();

        assertThat(service.removeCaptioner(carersSession, editing.captioners().getFirst().personId())).isTrue();
        assertThat(service.forEditing(carersSession).orElseThrow().captioners()).isEmpty();
    }

    // ---- the management list ------------------------------------------------------------------------------

    @Test
    void a_coordinator_lists_only_their_organisations_sessions_and_an_organiser_all() {
        AccountFixtures.actAs(carersCoordinator);
        assertThat(service.sessions(week.id(), "", ManagedSessionSort.START, true, 0, 50))
                .extracting(ManagedSession::title).containsExactly("Carers' cafe");
        assertThat(service.countSessions(week.id(), null)).isEqualTo(1);

        AccountFixtures.actAs(organiser);
        assertThat(service.sessions(week.id(), "", ManagedSessionSort.START, true, 0, 50))
                .extracting(ManagedSession::title).containsExactly("Welcome", "Carers' cafe", "Council budget");
        assertThat(service.countSessions(week.id(), "")).isEqualTo(3);
    }

    @Test
    void the_list_pages_sorts_filters_and_marks_cancelled_sessions() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, MONDAY.minusDays(3).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)).where(PROGRAMME_SESSION.ID.eq(councilSession)).execute();
        AccountFixtures.actAs(organiser);

        assertThat(service.sessions(week.id(), "", ManagedSessionSort.TITLE, false, 1, 2))
                .extracting(ManagedSession::title).containsExactly("Council budget", "Carers' cafe");
        assertThat(service.sessions(week.id(), "", ManagedSessionSort.HOST, true, 0, 50))
                .extracting(ManagedSession::title).containsExactly("Carers' cafe", "Council budget", "Welcome");
        assertThat(service.sessions(week.id(), "northshire", ManagedSessionSort.START, true, 0, 50))
                .singleElement().satisfies(s -> {
                    assertThat(s.title()).isEqualTo("Council budget");
                    assertThat(s.cancelled()).isTrue();
                    assertThat(s.host()).isEqualTo(council);
                });
        assertThat(service.countSessions(week.id(), "cafe")).isEqualTo(1);
        assertThat(service.countSessions(otherWeek.id(), "")).isZero();
    }

    @Test
    void a_nul_or_control_character_in_a_session_is_a_problem_on_its_field() {
        AccountFixtures.actAs(organiser);
        SessionDraft hostile = new SessionDraft(week.id(), null, "Peer\u0000support", "About\u0000", SessionFormat.PANEL,
                monday(14, 0), monday(15, 0), null, null, "https://meet.example.org/\u0000", null, Set.of(),
                "Breaks\u0007");

        assertThat(((Invalid) service.create(hostile, false)).problems()).containsExactly(
                new SessionRules.Problem(Field.TITLE, "The title contains a character that cannot be stored (a control character). Remove it and try again."),
                new SessionRules.Problem(Field.SUMMARY, "The description contains a character that cannot be stored (a control character). Remove it and try again."),
                new SessionRules.Problem(Field.JOIN_URL,
                        "Enter the joining link as a web address starting with https://, like https://zoom.us/j/123"),
                new SessionRules.Problem(Field.ACCESS_NOTES, "The text of the access notes contains a character that cannot be stored (a control character). Remove it and try again."));
    }
}
