package org.convene.notifications;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.organising.FacilitatorAssignment;
import org.convene.organising.HostCoordinatorService;
import org.convene.organising.NewHostInvitation;
import org.convene.organising.SessionAdminService;
import org.convene.organising.SessionChangeResult;
import org.convene.organising.SessionChangeService;
import org.convene.organising.SessionForEditing;
import org.convene.organising.SessionRescheduled;
import org.convene.organising.SessionSaveResult;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionDraft;
import org.convene.recordings.RecordingDraft;
import org.convene.recordings.RecordingResult;
import org.convene.recordings.RecordingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * The email each change causes, made through the real services and read back from the outbox: who gets it,
 * what it says, in which zone, and that nothing is written for an edit that is not news or a change that was
 * rolled back.
 */
@IntegrationTest
class ChangeMailTest {

    /** Each kind also goes the whole way, through the sender to a real SMTP server. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.convene.mail.MailTestSupport mail = new org.convene.mail.MailTestSupport();

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);
    private static final String BASE = "https://convene.example.test";

    @Autowired
    SessionAdminService sessions;
    @Autowired
    SessionChangeService changes;
    @Autowired
    RecordingService recordings;
    @Autowired
    HostCoordinatorService coordinators;
    @Autowired
    AgendaService agenda;
    @Autowired
    MailPreferences preferences;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    long morning;
    long other;
    ConveneUser organiser;
    ConveneUser ada;
    ConveneUser bo;
    ConveneUser cy;
    final List<String> addresses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Changes week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together");
        morning = fixture.session(week, "Caring at home").at(at(1, 10), at(1, 11)).host(carers)
                .access(AccessFeature.BSL_INTERPRETATION).create();
        other = fixture.session(week, "Housing clinic").at(at(1, 12), at(1, 13)).host(carers).create();
        organiser = person("Olu Organiser", Role.ORGANISER);
        ada = person("Ada");
        bo = person("Bo");
        cy = person("Cy");
        onAgenda(ada, morning);
        onAgenda(bo, other);
        onAgenda(cy, morning);
        preferences.set(cy.id(), MailTopic.SESSION_CHANGES, false);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        EnqueuedMail.deleteTo(db, addresses);
        fixture.cleanUp();
    }

    private ConveneUser person(String name, Role... roles) {
        ConveneUser user = fixture.account(name, roles);
        addresses.add(user.email());
        return user;
    }

    private void onAgenda(ConveneUser user, long sessionId) {
        AccountFixtures.actAs(user);
        agenda.add(sessionId);
    }

    private LocalDateTime at(int day, int hour) {
        return MONDAY.plusDays(day).atTime(hour, 0);
    }

    private Instant instant(ConferenceSummary conference, int day, int hour) {
        return at(day, hour).atZone(conference.timeZone()).toInstant();
    }

    /** Runs the sender and checks the message arrived at the SMTP server with this subject. */
    private void arrives(String address, String subject) throws Exception {
        mail.deliverDue();
        List<String> subjects = new ArrayList<>();
        for (var message : mail.messagesTo(address)) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects).contains(subject);
    }

    private List<EnqueuedMail> outbox() {
        return EnqueuedMail.to(db, addresses);
    }

    private int version(long sessionId) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchSingle().value1();
    }

    /** Saves the session through its editor with new times, or with a new description when times are null. */
    private SessionSaveResult edit(long sessionId, Instant startsAt, Instant endsAt, String summary) {
        SessionForEditing session = sessions.forEditing(sessionId).orElseThrow();
        SessionDraft d = session.toDraft();
        return sessions.update(sessionId, session.version(), new SessionDraft(d.conferenceId(), d.reference(),
                d.title(), summary, d.format(), startsAt, endsAt, d.trackId(), d.hostId(), d.joinUrl(), d.capacity(),
                d.access(), d.accessNotes()), true);
    }

    private SessionSaveResult move(long sessionId, int day, int startHour, int endHour) {
        return edit(sessionId, instant(week, day, startHour), instant(week, day, endHour), "");
    }

    @Test
    void a_move_is_emailed_only_to_people_with_the_session_on_their_agenda_who_want_changes() throws Exception {
        assertThat(move(morning, 2, 14, 15)).isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(outbox()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(ada.email());
            assertThat(mail.recipientUserId()).isEqualTo(ada.id());
            assertThat(mail.kind()).isEqualTo("session-moved");
            assertThat(mail.subject()).isEqualTo("Time changed: Caring at home");
            assertThat(mail.text())
                    .contains("New time: Wednesday 24 November 2032, 2pm to 3pm (UK time)")
                    .contains("Old time: Tuesday 23 November 2032, 10am to 11am (UK time)")
                    .contains("Access: British Sign Language (BSL) interpretation")
                    .contains(BASE + "/sessions/" + morning + "\n")
                    .contains("You get this because this session is on your agenda in Convene.");
            assertThat(mail.unsubscribeUrl()).startsWith(BASE + MailPreferences.UNSUBSCRIBE_PATH);
            assertThat(mail.text()).endsWith(mail.unsubscribeUrl() + "\n");
        });
        arrives(ada.email(), "Time changed: Caring at home");
    }

    @Test
    void an_address_not_yet_confirmed_gets_no_session_news() {
        db.update(org.convene.db.Tables.APP_USER).setNull(org.convene.db.Tables.APP_USER.EMAIL_CONFIRMED_AT)
                .where(org.convene.db.Tables.APP_USER.ID.eq(ada.id())).execute();

        assertThat(move(morning, 2, 14, 15)).isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(outbox()).isEmpty();
    }

    @Test
    void times_are_written_in_the_zone_the_agenda_shows_them_in() {
        ConferenceSummary away = fixture.conference("Far away", "America/New_York", MONDAY, MONDAY.plusDays(4));
        long webinar = fixture.session(away, "Pacing").at(at(1, 10), at(1, 11)).create();
        onAgenda(ada, webinar);
        AccountFixtures.actAs(organiser);

        edit(webinar, instant(away, 1, 16), instant(away, 1, 17), "");

        assertThat(outbox()).singleElement().extracting(EnqueuedMail::text).asString()
                .contains("New time: Tuesday 23 November 2032, 4pm to 5pm (")
                .contains("Old time: Tuesday 23 November 2032, 10am to 11am (")
                .contains(", America/New_York)");
    }

    @Test
    void an_edit_that_keeps_the_time_sends_nothing() {
        assertThat(edit(morning, instant(week, 1, 10), instant(week, 1, 11), "Now with a typo fixed."))
                .isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(outbox()).isEmpty();
    }

    @Test
    void two_moves_make_two_messages_but_the_same_move_handled_twice_makes_one() {
        move(morning, 2, 14, 15);
        move(morning, 3, 9, 10);
        List<EnqueuedMail> two = outbox();
        assertThat(two).hasSize(2).extracting(EnqueuedMail::key).doesNotHaveDuplicates();

        // as if the event of the last move reached the listener a second time
        long lastChange = Long.parseLong(two.getLast().key().substring(two.getLast().key().lastIndexOf(':') + 1));
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new SessionRescheduled(morning, lastChange, instant(week, 2, 14), instant(week, 2, 15),
                        instant(week, 3, 9), instant(week, 3, 10))));

        assertThat(outbox()).hasSize(2);
    }

    @Test
    void a_cancellation_is_emailed_with_its_reason_and_so_is_the_restoration() throws Exception {
        assertThat(changes.cancel(morning, version(morning), "The speaker is unwell"))
                .isInstanceOf(SessionChangeResult.Done.class);
        assertThat(changes.restore(morning, version(morning))).isInstanceOf(SessionChangeResult.Done.class);

        List<EnqueuedMail> mails = outbox();
        assertThat(mails).extracting(EnqueuedMail::to).containsOnly(ada.email());
        assertThat(mails).extracting(EnqueuedMail::kind).containsExactly("session-cancelled", "session-restored");
        assertThat(mails.getFirst().subject()).isEqualTo("Cancelled: Caring at home");
        assertThat(mails.getFirst().text()).contains("The organisers say: The speaker is unwell")
                .contains("When it was planned: Tuesday 23 November 2032, 10am to 11am (UK time)");
        assertThat(mails.getLast().subject()).isEqualTo("Going ahead after all: Caring at home");
        arrives(ada.email(), "Cancelled: Caring at home");
        arrives(ada.email(), "Going ahead after all: Caring at home");
    }

    @Test
    void a_new_time_for_a_cancelled_session_is_not_news() {
        changes.cancel(morning, version(morning), null);

        assertThat(move(morning, 2, 14, 15)).isInstanceOf(SessionSaveResult.Saved.class);

        assertThat(outbox()).extracting(EnqueuedMail::kind).containsExactly("session-cancelled");
    }

    @Test
    void a_cancellation_that_is_rolled_back_sends_nothing() {
        int before = version(morning);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(changes.cancel(morning, before, "Unwell")).isInstanceOf(SessionChangeResult.Done.class);
            assertThat(outbox()).as("written in the change's own transaction").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(version(morning)).isEqualTo(before);
        assertThat(outbox()).isEmpty();
    }

    @Test
    void a_change_to_a_session_that_is_over_is_not_news() {
        clock.set(instant(week, 1, 12));

        changes.cancel(morning, version(morning), "Tidying up");

        assertThat(outbox()).isEmpty();
    }

    @Test
    void a_published_recording_is_emailed_once_with_its_access_features_to_those_who_want_recordings() throws Exception {
        preferences.set(cy.id(), MailTopic.SESSION_CHANGES, true);
        preferences.set(cy.id(), MailTopic.RECORDINGS, false);
        clock.set(instant(week, 1, 20));
        RecordingDraft draft = new RecordingDraft("https://video.example.org/care.mp4",
                "https://video.example.org/care.vtt", null, null);

        assertThat(recordings.publish(morning, version(morning), draft)).isInstanceOf(RecordingResult.Saved.class);
        // a correction of the published recording is not news
        recordings.publish(morning, version(morning), new RecordingDraft("https://video.example.org/care2.mp4",
                "https://video.example.org/care.vtt", "https://video.example.org/care.txt", null));

        assertThat(outbox()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(ada.email());
            assertThat(mail.kind()).isEqualTo("recording-published");
            assertThat(mail.subject()).isEqualTo("Recording ready: Caring at home");
            assertThat(mail.text())
                    .contains("Access: Captions, British Sign Language (BSL) interpretation, as in the session")
                    .contains("Watch the recording:\n" + BASE + "/sessions/" + morning + "#recording")
                    .contains(BASE + "/recordings?conference=" + week.slug());
            assertThat(mail.unsubscribeUrl()).isNotNull();
        });
        arrives(ada.email(), "Recording ready: Caring at home");
    }

    @Test
    void a_new_facilitator_is_told_with_the_moderation_link_even_with_every_topic_off() throws Exception {
        for (MailTopic topic : MailTopic.values()) {
            preferences.set(bo.id(), topic, false);
        }

        assertThat(sessions.addFacilitator(morning, bo.email())).isInstanceOf(FacilitatorAssignment.Added.class);
        assertThat(sessions.addFacilitator(morning, bo.email()))
                .isInstanceOf(FacilitatorAssignment.AlreadyAssigned.class);

        assertThat(outbox()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(bo.email());
            assertThat(mail.kind()).isEqualTo("facilitator-assigned");
            assertThat(mail.subject()).isEqualTo("You are a facilitator of Caring at home");
            assertThat(mail.text()).contains("Open the questions page:\n" + BASE + "/sessions/" + morning + "/moderate")
                    .contains("When: Tuesday 23 November 2032, 10am to 11am (UK time)")
                    .contains("You get this because an organiser made you a facilitator of this session in Convene.");
            assertThat(mail.unsubscribeUrl()).isNull();
        });
        arrives(bo.email(), "You are a facilitator of Caring at home");
    }

    @Test
    void an_invitation_is_emailed_to_the_address_the_organiser_gave_with_the_link_they_see() throws Exception {
        String invitee = "Invitee-" + fixture.tag() + "@Example.org";
        addresses.add(invitee.toLowerCase(java.util.Locale.ROOT));

        var result = coordinators.invite(carers.id(), invitee);

        NewHostInvitation invitation = ((SaveResult.Saved<NewHostInvitation>) result).value();
        assertThat(outbox()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(invitation.email());
            assertThat(mail.recipientUserId()).as("no account yet").isNull();
            assertThat(mail.kind()).isEqualTo("host-invitation");
            assertThat(mail.subject()).isEqualTo("Invitation to coordinate " + carers.name());
            assertThat(mail.text()).contains("Accept the invitation:\n" + BASE + invitation.path() + "\n");
            assertThat(mail.unsubscribeUrl()).isNull();
        });
        arrives(invitee.toLowerCase(java.util.Locale.ROOT), "Invitation to coordinate " + carers.name());
    }

    @Test
    void an_invitation_to_someone_with_an_account_is_linked_to_it() {
        coordinators.invite(carers.id(), ada.email());

        assertThat(outbox()).singleElement().extracting(EnqueuedMail::recipientUserId).isEqualTo(ada.id());
    }
}
