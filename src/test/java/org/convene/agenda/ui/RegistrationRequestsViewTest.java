package org.convene.agenda.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.agenda.RegistrationRequests;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** The hosts' page of requests for a place, and the answer on the person's agenda. */
class RegistrationRequestsViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);

    @Autowired
    DSLContext db;
    @Autowired
    AgendaService agenda;

    ProgrammeFixture fixture;
    long circle;
    ConveneUser host;
    ConveneUser ada;
    ConveneUser ben;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Requests week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        HostRef carers = fixture.host("Carers Together");
        circle = fixture.session(week, "Carers' circle").host(carers).capacity(1)
                .at(MONDAY.plusDays(1).atTime(10, 0), MONDAY.plusDays(1).atTime(11, 0)).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(circle)).execute();
        host = fixture.coordinator(carers);
        ada = ask("Ada Lovelace");
        ben = ask("Ben Okri");
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private ConveneUser ask(String name) {
        ConveneUser user = fixture.account(name);
        AccountFixtures.actAs(user);
        agenda.askForPlace(circle);
        return user;
    }

    private void open(ConveneUser who) {
        login(who);
        UI.getCurrent().navigate(RegistrationRequestsView.class, new RouteParameters("id", Long.toString(circle)));
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("registrations-status")).getText();
    }

    private static Button button(String accessibleName) {
        return _find(Button.class).stream().filter(b -> accessibleName.equals(b.getAriaLabel().orElse(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no button named " + accessibleName));
    }

    @Test
    void an_attendee_cannot_open_the_requests_page() {
        login(fixture.attendee());
        assertCannotOpen(RegistrationRequestsView.class, new RouteParameters("id", Long.toString(circle)));
    }

    @Test
    void the_host_sees_the_requests_first_asked_first_and_approves_one() {
        open(host);

        assertThat(_get(H1.class).getText()).isEqualTo("Requests for a place");
        assertThat(_get(RegistrationRequestsView.class).getPageTitle())
                .isEqualTo("Requests for a place: Carers' circle");
        assertThat(_get(H2.class, spec -> spec.withId("registrations-heading")).getText())
                .isEqualTo("2 requests waiting");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("cv-registration-name")))
                .extracting(Paragraph::getText).containsExactly("Ada Lovelace (" + ada.email() + ")",
                        "Ben Okri (" + ben.email() + ")");

        _click(button("Approve Ada Lovelace"));

        assertThat(status()).isEqualTo("Ada Lovelace has a place now. They are told on their agenda and by email.");
        assertThat(_get(H2.class, spec -> spec.withId("registrations-heading")).getText())
                .isEqualTo("1 request waiting");

        _click(button("Approve Ben Okri"));

        assertThat(status()).startsWith("There is no place left for Ben Okri, so nothing has changed.");
        AccountFixtures.actAs(ada);
        assertThat(agenda.mySessionIds()).contains(circle);
    }

    @Test
    void the_host_declines_with_a_message_which_the_person_reads_on_their_agenda() {
        open(host);

        _click(button("Decline Ben Okri"));
        TextArea message = _get(TextArea.class);
        assertThat(message.getLabel()).isEqualTo("Message to Ben Okri (optional)");
        message.setValue("x".repeat(RegistrationRequests.MESSAGE_MAX + 1));
        _click(button("Decline the request of Ben Okri"));

        assertThat(message.isInvalid()).isTrue();
        assertThat(message.getErrorMessage()).isEqualTo("The message must be 500 characters or fewer. It has 501.");

        message.setValue("The circle is full of carers already; join us next month.");
        _click(button("Decline the request of Ben Okri"));

        assertThat(status()).isEqualTo("You declined the request of Ben Okri. They are told on their agenda and "
                + "by email.");
        assertThat(_get(H2.class, spec -> spec.withId("registrations-heading")).getText())
                .isEqualTo("1 request waiting");

        login(ben);
        UI.getCurrent().navigate(MyAgendaView.class);
        assertThat(_get(H2.class, spec -> spec.withText("Answers to your requests for a place"))).isNotNull();
        assertThat(_find(Paragraph.class, spec -> spec.withText(
                "Their message: The circle is full of carers already; join us next month."))).hasSize(1);

        _click(button("Dismiss the answer about \u201cCarers' circle\u201d"));

        assertThat(_find(H2.class, spec -> spec.withText("Answers to your requests for a place"))).isEmpty();
    }

    @Test
    void many_requests_are_read_a_page_at_a_time() {
        for (int i = 0; i < RegistrationRequestsView.PAGE; i++) {
            ask("Person " + i);
        }
        open(host);

        assertThat(_find(Paragraph.class, spec -> spec.withClasses("cv-registration-name")))
                .hasSize(RegistrationRequestsView.PAGE);

        _click(_get(Button.class, spec -> spec.withId("registrations-more")));

        assertThat(_find(Paragraph.class, spec -> spec.withClasses("cv-registration-name")))
                .hasSize(RegistrationRequestsView.PAGE + 2);
        assertThat(_find(Button.class, spec -> spec.withId("registrations-more"))).isEmpty();
    }
}
