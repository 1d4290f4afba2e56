package org.convene.timetable.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ui.ConferenceLinks;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** The agenda button's states on the session page, and the places left in words. */
class AgendaToggleStatesTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AgendaService agenda;
    @Autowired
    org.convene.agenda.RegistrationRequests requests;
    @Autowired
    DSLContext db;

    long workshop;
    ConveneUser me;

    @BeforeEach
    void fullWorkshop() {
        clock.set(Instant.parse("2031-07-01T09:00:00Z"));
        long conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        workshop = data.session(conference, "Small workshop", Instant.parse("2031-07-07T09:00:00Z"),
                Instant.parse("2031-07-07T10:00:00Z"));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 2).where(PROGRAMME_SESSION.ID.eq(workshop))
                .execute();
        me = data.user();
    }

    private void takePlaces(int count) {
        for (int i = 0; i < count; i++) {
            AccountFixtures.actAs(data.user());
            agenda.add(workshop);
        }
    }

    private void open() {
        login(me);
        UI.getCurrent().navigate(ConferenceLinks.session(workshop));
    }

    private static Button toggle() {
        return _get(_get(AgendaToggle.class), Button.class);
    }

    private static String placesLeft() {
        return _get(Paragraph.class, spec -> spec.withId("places-left")).getText();
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withClasses("cv-session-status")).getText();
    }

    @Test
    void with_a_place_left_the_page_says_how_many_and_adding_takes_one() {
        takePlaces(1);
        open();

        assertThat(placesLeft()).isEqualTo("1 of 2 places left.");
        assertThat(toggle().getAriaLabel()).contains("Add to my agenda: Small workshop");

        _click(toggle());

        assertThat(toggle().getText()).isEqualTo("Remove from my agenda");
        assertThat(status()).isEqualTo("Added \u201cSmall workshop\u201d to your agenda.");
        assertThat(placesLeft()).isEqualTo("Full. Nobody is waiting yet.");
    }

    @Test
    void a_full_session_offers_the_waiting_list_and_shows_my_number_in_it() {
        takePlaces(2);
        AccountFixtures.actAs(data.user());
        agenda.joinWaitingList(workshop);
        open();

        assertThat(placesLeft()).isEqualTo("Full. 1 person is waiting.");
        assertThat(toggle().getAriaLabel()).contains("Join the waiting list: Small workshop");

        _click(toggle());

        assertThat(toggle().getAriaLabel()).contains("Leave the waiting list: Small workshop");
        assertThat(toggle().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(status()).isEqualTo("You are on the waiting list for \u201cSmall workshop\u201d. "
                + "You are number 2 on the waiting list.");
        assertThat(placesLeft()).isEqualTo("Full. 2 people are waiting. You are number 2 on the waiting list.");
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);

        _click(toggle());

        assertThat(toggle().getText()).isEqualTo("Join the waiting list");
        assertThat(status()).isEqualTo("You have left the waiting list for \u201cSmall workshop\u201d.");
        assertThat(agenda.myWaitingList()).isEmpty();
    }

    @Test
    void the_last_place_gone_while_I_looked_is_said_plainly_and_nothing_is_claimed() {
        takePlaces(1);
        open();
        takePlaces(1);
        login(me);

        _click(toggle());

        assertThat(status()).isEqualTo("Sorry, the last place at \u201cSmall workshop\u201d has just gone. "
                + "Nothing was added. You can join the waiting list.");
        assertThat(toggle().getText()).isEqualTo("Join the waiting list");
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
    }

    @Test
    void after_registration_closes_the_button_says_so_and_does_nothing() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT, Instant.parse("2031-07-01T08:00:00Z"))
                .where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        open();

        assertThat(toggle().getAriaLabel()).contains("Registration closed: Small workshop");
        assertThat(toggle().getElement().getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(placesLeft()).isEqualTo("2 of 2 places left. Registration has closed.");

        _click(toggle());

        assertThat(agenda.mySessionIds()).isEmpty();
        assertThat(toggle().getText()).isEqualTo("Registration closed");
    }

    @Test
    void a_session_that_needs_approval_offers_to_ask_then_waits_for_the_answer_and_can_withdraw() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        open();

        assertThat(toggle().getText()).isEqualTo("Ask for a place");
        assertThat(toggle().getAriaLabel()).hasValue("Ask for a place: Small workshop");
        assertThat(placesLeft()).isEqualTo("2 of 2 places left. The hosts approve each place: ask for one, and "
                + "they will tell you their answer.");

        _click(toggle());

        assertThat(toggle().getText()).isEqualTo("Withdraw my request (waiting for approval)");
        assertThat(toggle().getAriaLabel()).hasValue("Withdraw my request (waiting for approval): Small workshop");
        assertThat(toggle().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(status()).startsWith("You have asked for a place at \u201cSmall workshop\u201d.");
        assertThat(placesLeft()).isEqualTo("2 of 2 places left. Waiting for approval: you asked for a place, and "
                + "the hosts have not answered yet.");
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);

        _click(toggle());

        assertThat(toggle().getText()).isEqualTo("Ask for a place");
        assertThat(status()).isEqualTo("You have withdrawn your request for a place at \u201cSmall workshop\u201d.");
    }

    @Test
    void once_approved_the_button_is_the_usual_remove_from_my_agenda() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        AccountFixtures.actAs(me);
        agenda.askForPlace(workshop);
        long request = db.select(org.convene.db.Tables.REGISTRATION_REQUEST.ID)
                .from(org.convene.db.Tables.REGISTRATION_REQUEST)
                .where(org.convene.db.Tables.REGISTRATION_REQUEST.USER_ID.eq(me.id())).fetchSingle().value1();
        AccountFixtures.actAs(data.user(org.convene.core.security.Role.ORGANISER));
        requests.approve(workshop, request);
        open();

        assertThat(toggle().getText()).isEqualTo("Remove from my agenda");
        assertThat(placesLeft()).isEqualTo("1 of 2 places left.");
    }
}
