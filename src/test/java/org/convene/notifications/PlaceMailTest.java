package org.convene.notifications;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionDraft;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PLACE_GIVEN;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** The email that tells the first person on a waiting list that a place is now theirs. */
@IntegrationTest
class PlaceMailTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);
    private static final String BASE = "https://convene.example.test";

    @Autowired
    AgendaService agenda;
    @Autowired
    MailPreferences preferences;
    @Autowired
    org.convene.organising.SessionAdminService sessions;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    long workshop;
    ConveneUser holder;
    ConveneUser waiting;
    final List<String> addresses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Places week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        workshop = fixture.session(week, "Small workshop")
                .at(MONDAY.plusDays(1).atTime(10, 0), MONDAY.plusDays(1).atTime(11, 0)).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 1)
                .where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        holder = person("Hana");
        waiting = person("Wes");
        AccountFixtures.actAs(holder);
        agenda.add(workshop);
        AccountFixtures.actAs(waiting);
        agenda.joinWaitingList(workshop);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        EnqueuedMail.deleteTo(db, addresses);
        fixture.cleanUp();
    }

    private ConveneUser person(String name, org.convene.core.security.Role... roles) {
        ConveneUser user = fixture.account(name, roles);
        addresses.add(user.email());
        return user;
    }

    private void holderLeaves() {
        AccountFixtures.actAs(holder);
        agenda.remove(workshop);
    }

    @Test
    void the_next_person_is_emailed_in_the_same_transaction_that_gave_the_place() {
        holderLeaves();

        long given = db.select(PLACE_GIVEN.ID).from(PLACE_GIVEN).where(PLACE_GIVEN.USER_ID.eq(waiting.id()))
                .fetchSingle(PLACE_GIVEN.ID);
        assertThat(EnqueuedMail.to(db, addresses)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(waiting.email());
            assertThat(mail.key()).isEqualTo("place-given:" + waiting.id() + ":" + workshop + ":" + given);
            assertThat(mail.kind()).isEqualTo("place-given");
            assertThat(mail.subject()).isEqualTo("You have a place: Small workshop");
            assertThat(mail.text())
                    .contains("you were next on the waiting list")
                    .contains("When: Tuesday 23 November 2032, 10am to 11am (UK time)")
                    .contains(BASE + "/sessions/" + workshop)
                    .contains("You get this because you joined the waiting list of this session in Convene.");
            assertThat(mail.unsubscribeUrl()).startsWith(BASE + MailPreferences.UNSUBSCRIBE_PATH);
        });
    }

    @Test
    void an_organiser_raising_the_places_gives_the_new_place_and_its_email_in_the_same_save() {
        AccountFixtures.actAs(person("Olu", org.convene.core.security.Role.ORGANISER));
        org.convene.organising.SessionForEditing session = sessions.forEditing(workshop).orElseThrow();
        SessionDraft d = session.toDraft();
        assertThat(sessions.update(workshop, session.version(), new SessionDraft(d.conferenceId(), d.reference(),
                d.title(), d.summaryMarkdown(), d.format(), d.startsAt(), d.endsAt(), d.trackId(), d.hostId(),
                d.joinUrl(), 2, d.access(), d.accessNotes()), true))
                .isInstanceOf(org.convene.organising.SessionSaveResult.Saved.class);

        assertThat(EnqueuedMail.to(db, addresses)).extracting(EnqueuedMail::to).containsExactly(waiting.email());
        AccountFixtures.actAs(waiting);
        assertThat(agenda.mySessionIds()).contains(workshop);
    }

    @Test
    void someone_who_turned_off_change_emails_is_told_only_on_their_agenda() {
        preferences.set(waiting.id(), MailTopic.SESSION_CHANGES, false);
        holderLeaves();

        assertThat(EnqueuedMail.to(db, addresses)).isEmpty();
        AccountFixtures.actAs(waiting);
        assertThat(agenda.myPlaceNotices()).hasSize(1);
    }

    @Test
    void an_address_not_yet_confirmed_gets_no_email() {
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(waiting.id())).execute();
        holderLeaves();

        assertThat(EnqueuedMail.to(db, addresses)).isEmpty();
    }
}
