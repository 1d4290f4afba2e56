package org.convene.access;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.organising.SessionAdminService;
import org.convene.organising.SessionForEditing;
import org.convene.organising.SessionSaveResult;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDraft;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.ACCESS_NEEDS;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.MAIL_OUTBOX;

/**
 * Access needs, their counts for hosts and the arrangement states, through the real services on the real
 * database: who may see what, that counts carry no names, and who is told (once) when a promise is withdrawn.
 */
@IntegrationTest
class AccessPlanningServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2033, 11, 21);

    @Autowired
    AccessNeedsService needs;
    @Autowired
    AccessPlanningService planning;
    @Autowired
    SessionAdminService sessions;
    @Autowired
    AgendaService agenda;
    @Autowired
    MailPreferences preferences;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;
    @Autowired
    ProgrammeService programme;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    long care;
    ConveneUser organiser;
    ConveneUser coordinator;
    ConveneUser ada;
    ConveneUser bo;
    ConveneUser cy;
    final List<String> addresses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Access week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together " + fixture.tag());
        care = fixture.session(week, "Caring at home").at(at(10), at(11)).host(carers)
                .access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ)
                .create();
        organiser = person("Olu Organiser", Role.ORGANISER);
        coordinator = fixture.coordinator("Cora Coordinator", carers);
        addresses.add(coordinator.email());
        ada = person("Ada Attendee");
        bo = person("Bo Attendee");
        cy = person("Cy Attendee");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.in(addresses)).execute();
        fixture.cleanUp();
    }

    private ConveneUser person(String name, Role... roles) {
        ConveneUser user = fixture.account(name, roles);
        addresses.add(user.email());
        return user;
    }

    private LocalDateTime at(int hour) {
        return MONDAY.plusDays(1).atTime(hour, 0);
    }

    /** Records the person's needs and, when asked, adds the session to their agenda, as they would. */
    private void attendee(ConveneUser user, boolean onAgenda, AccessFeature... features) {
        AccountFixtures.actAs(user);
        if (features.length > 0) {
            needs.save(EnumSet.of(features[0], features));
        }
        if (onAgenda) {
            agenda.add(care);
        }
        SecurityContextHolder.clearContext();
    }

    private List<String> mailKeys() {
        return db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.in(addresses))
                .orderBy(MAIL_OUTBOX.ID).fetch(MAIL_OUTBOX.IDEMPOTENCY_KEY);
    }

    private List<String> mailTo() {
        return db.select(MAIL_OUTBOX.TO_ADDRESS).from(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.in(addresses))
                .orderBy(MAIL_OUTBOX.ID).fetch(MAIL_OUTBOX.TO_ADDRESS);
    }

    private List<AccessNotice> noticesOf(ConveneUser user) {
        AccountFixtures.actAs(user);
        try {
            return planning.myNotices();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Saves the session in its editor offering only these features. */
    private SessionSaveResult offerOnly(AccessFeature... features) {
        SessionForEditing session = sessions.forEditing(care).orElseThrow();
        SessionDraft d = session.toDraft();
        return sessions.update(care, session.version(), new SessionDraft(d.conferenceId(), d.reference(),
                d.title(), d.summaryMarkdown(), d.format(), d.startsAt(), d.endsAt(), d.trackId(), d.hostId(),
                d.joinUrl(), d.capacity(), features.length == 0 ? Set.of() : EnumSet.of(features[0], features),
                d.accessNotes()), true);
    }

    @Test
    void needs_are_saved_replaced_and_deleted_by_their_owner() {
        AccountFixtures.actAs(ada);
        assertThat(needs.mine().isEmpty()).isTrue();

        needs.save(EnumSet.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ));
        assertThat(needs.mine().features()).containsExactlyInAnyOrder(AccessFeature.LIVE_CAPTIONS,
                AccessFeature.EASY_READ);

        needs.save(EnumSet.of(AccessFeature.BSL_INTERPRETATION));
        assertThat(needs.mine().features()).containsExactly(AccessFeature.BSL_INTERPRETATION);

        assertThat(needs.deleteMine()).isTrue();
        assertThat(needs.mine().isEmpty()).isTrue();
        assertThat(db.fetchExists(ACCESS_NEEDS, ACCESS_NEEDS.USER_ID.eq(ada.id()))).isFalse();
        assertThat(needs.deleteMine()).isFalse();
    }

    @Test
    void counts_each_need_among_the_people_with_the_session_on_their_agenda() {
        attendee(ada, true, AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION);
        attendee(bo, true, AccessFeature.LIVE_CAPTIONS);
        attendee(cy, true, AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ);
        attendee(person("Dee, not going"), false, AccessFeature.LIVE_CAPTIONS);
        attendee(person("Eve, no needs"), true);
        AccountFixtures.actAs(coordinator);

        NeedCounts counts = planning.counts(care);

        assertThat(counts.onAgenda()).isEqualTo(4);
        assertThat(counts.withNeeds()).isEqualTo(3);
        assertThat(counts.count(AccessFeature.LIVE_CAPTIONS)).isEqualTo(3);
        assertThat(counts.count(AccessFeature.BSL_INTERPRETATION)).isEqualTo(1);
        assertThat(counts.count(AccessFeature.EASY_READ)).isEqualTo(1);
        assertThat(counts.count(AccessFeature.AUDIO_OR_PHONE)).isZero();
        assertThat(counts.summary()).isEqualTo("4 people have this session on their agenda: 1 needs British Sign "
                + "Language (BSL) interpretation, 3 need live captions, 1 needs easy read materials.");
    }

    @Test
    void counts_never_carry_names_or_ids_of_people() {
        attendee(ada, true, AccessFeature.BSL_INTERPRETATION);
        AccountFixtures.actAs(organiser);

        NeedCounts counts = planning.counts(care);

        // the record has no room for a person: a session, and numbers
        assertThat(NeedCounts.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("sessionId", "onAgenda", "withNeeds", "perFeature");
        assertThat(counts.summary()).doesNotContain("Ada").doesNotContain(ada.email())
                .doesNotContain(Long.toString(ada.id()));
        assertThat(counts.lines()).containsExactly("1 needs British Sign Language (BSL) interpretation");
    }

    @Test
    void counts_are_for_managers_and_facilitators_only() {
        ConveneUser facilitator = person("Fola Facilitator", Role.FACILITATOR);
        data.facilitate(care, facilitator);
        ConveneUser otherHost = fixture.coordinator("Other Coordinator", fixture.host("Others " + fixture.tag()));
        addresses.add(otherHost.email());

        for (ConveneUser allowed : List.of(organiser, coordinator, facilitator)) {
            AccountFixtures.actAs(allowed);
            assertThat(planning.maySeeCounts(care)).as(allowed.displayName()).isTrue();
            assertThat(planning.counts(care).sessionId()).isEqualTo(care);
        }
        for (ConveneUser refused : List.of(ada, otherHost)) {
            AccountFixtures.actAs(refused);
            assertThat(planning.maySeeCounts(care)).as(refused.displayName()).isFalse();
            assertThatThrownBy(() -> planning.counts(care)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Only the session's hosts, its facilitators and organisers");
        }
    }

    @Test
    void every_advertised_feature_starts_requested_and_only_its_managers_set_states() {
        AccountFixtures.actAs(coordinator);
        assertThat(planning.arrangements(care)).extracting(Arrangement::state)
                .containsOnly(ArrangementState.REQUESTED).hasSize(3);

        assertThat(planning.setState(care, AccessFeature.LIVE_CAPTIONS, ArrangementState.BOOKED)).isFalse();
        assertThat(planning.arrangements(care)).contains(
                new Arrangement(AccessFeature.LIVE_CAPTIONS, ArrangementState.BOOKED));
        assertThat(planning.forAttendees(programme.session(care).orElseThrow())).extracting(Arrangement::sentence)
                .containsExactly("Live captions: booked.");

        ConveneUser facilitator = person("Fola Facilitator", Role.FACILITATOR);
        data.facilitate(care, facilitator);
        for (ConveneUser refused : List.of(ada, facilitator)) {
            AccountFixtures.actAs(refused);
            assertThatThrownBy(() -> planning.setState(care, AccessFeature.LIVE_CAPTIONS,
                    ArrangementState.CONFIRMED)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> planning.arrangements(care)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void unticking_a_feature_tells_exactly_the_people_who_need_it_and_have_the_session_on_their_agenda_once() {
        attendee(ada, true, AccessFeature.BSL_INTERPRETATION);
        attendee(bo, true, AccessFeature.LIVE_CAPTIONS);
        ConveneUser dee = person("Dee, not going");
        attendee(dee, false, AccessFeature.BSL_INTERPRETATION);
        attendee(cy, true, AccessFeature.BSL_INTERPRETATION);
        preferences.set(cy.id(), MailTopic.SESSION_CHANGES, false);
        AccountFixtures.actAs(coordinator);

        assertThat(offerOnly(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ))
                .isInstanceOf(SessionSaveResult.Saved.class);
        // saving again changes nothing more: nobody is told twice
        assertThat(offerOnly(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ))
                .isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(mailTo()).containsExactly(ada.email());
        assertThat(mailKeys()).singleElement().asString()
                .startsWith("access-withdrawn:" + ada.id() + ":" + care + ":BSL_INTERPRETATION:");
        assertThat(noticesOf(ada)).singleElement().satisfies(notice -> {
            assertThat(notice.feature()).isEqualTo(AccessFeature.BSL_INTERPRETATION);
            assertThat(notice.kind()).isEqualTo(Withdrawal.Kind.NO_LONGER_OFFERED);
            assertThat(notice.sentence()).isEqualTo(
                    "British Sign Language (BSL) interpretation is no longer offered for this session.");
        });
        // Cy turned change emails off: the notice on the agenda still tells them
        assertThat(noticesOf(cy)).hasSize(1);
        assertThat(noticesOf(bo)).isEmpty();
        assertThat(noticesOf(dee)).isEmpty();
        String text = db.select(MAIL_OUTBOX.TEXT_BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.eq(ada.email()))
                .fetchSingle().value1();
        assertThat(text).contains("British Sign Language (BSL) interpretation is no longer offered")
                .contains("Caring at home").doesNotContain("Bo Attendee");
    }

    @Test
    void setting_a_confirmed_feature_back_tells_the_people_who_need_it_and_dismissing_hides_the_notice() {
        attendee(ada, true, AccessFeature.LIVE_CAPTIONS);
        attendee(bo, true, AccessFeature.BSL_INTERPRETATION);
        AccountFixtures.actAs(coordinator);
        assertThat(planning.setState(care, AccessFeature.LIVE_CAPTIONS, ArrangementState.BOOKED)).isFalse();
        assertThat(planning.setState(care, AccessFeature.LIVE_CAPTIONS, ArrangementState.CONFIRMED)).isFalse();
        assertThat(mailTo()).isEmpty();

        assertThat(planning.setState(care, AccessFeature.LIVE_CAPTIONS, ArrangementState.BOOKED)).isTrue();

        assertThat(mailTo()).containsExactly(ada.email());
        List<AccessNotice> notices = noticesOf(ada);
        assertThat(notices).singleElement().extracting(AccessNotice::kind)
                .isEqualTo(Withdrawal.Kind.NO_LONGER_CONFIRMED);
        assertThat(noticesOf(bo)).isEmpty();

        AccountFixtures.actAs(ada);
        assertThat(planning.dismiss(notices.getFirst().withdrawalId())).isTrue();
        assertThat(planning.myNotices()).isEmpty();
        AccountFixtures.actAs(bo);
        assertThat(planning.dismiss(notices.getFirst().withdrawalId())).as("not Bo's notice").isFalse();
    }

    @Test
    void an_address_not_yet_confirmed_gets_the_agenda_notice_but_no_email() {
        attendee(ada, true, AccessFeature.EASY_READ);
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(ada.id())).execute();
        AccountFixtures.actAs(coordinator);

        assertThat(offerOnly(AccessFeature.LIVE_CAPTIONS)).isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(mailTo()).isEmpty();
        assertThat(noticesOf(ada)).extracting(AccessNotice::feature).containsExactly(AccessFeature.EASY_READ);
    }

    @Test
    void needs_go_with_the_account() {
        attendee(ada, false, AccessFeature.EASY_READ);

        db.deleteFrom(APP_USER).where(APP_USER.ID.eq(ada.id())).execute();

        assertThat(db.fetchExists(ACCESS_NEEDS, ACCESS_NEEDS.USER_ID.eq(ada.id()))).isFalse();
    }

    @Test
    void needs_unused_for_the_retention_period_are_deleted_and_those_in_use_kept() {
        attendee(ada, true, AccessFeature.LIVE_CAPTIONS);
        attendee(bo, false, AccessFeature.LIVE_CAPTIONS);
        // a year and more after Bo saved: Ada's session (in 2033) has not ended, so hers are still in use
        clock.set(Instant.now().plus(needs.retention()).plusSeconds(86_400));

        needs.applyRetention();

        assertThat(db.fetchExists(ACCESS_NEEDS, ACCESS_NEEDS.USER_ID.eq(ada.id()))).isTrue();
        assertThat(db.fetchExists(ACCESS_NEEDS, ACCESS_NEEDS.USER_ID.eq(bo.id()))).isFalse();
    }
}
