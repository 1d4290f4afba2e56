package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.agenda.AgendaService;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class SessionCancelViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Autowired
    DSLContext db;
    @Autowired
    AgendaService agenda;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    long sessionId;
    ConveneUser organiser;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together");
        sessionId = fixture.session(week, "Caring at home")
                .at(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T11:00:00Z")).host(carers).create();
        organiser = fixture.account("Olu Organiser", Role.ORGANISER);
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private void open() {
        UI.getCurrent().navigate(SessionCancelView.class, new RouteParameters("id", Long.toString(sessionId)));
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("cancel-status")).getElement().getTextRecursively();
    }

    private String storedReason() {
        return db.select(PROGRAMME_SESSION.CANCELLATION_REASON).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchSingle().value1();
    }

    @Test
    void the_warning_says_how_many_people_it_reaches_and_cancelling_then_restoring_works() {
        for (String name : new String[] {"Ada", "Bo"}) {
            login(fixture.user(name));
            agenda.add(sessionId);
        }
        login(organiser);
        open();

        assertThat(_get(H1.class).getText()).isEqualTo("Cancel this session");
        assertThat(_get(SessionCancelView.class).getElement().getTextRecursively())
                .contains("2 people have this session on their agenda");
        _get(TextArea.class, spec -> spec.withLabel("Reason (optional)")).setValue("The speaker is unwell");
        _click(_get(Button.class, spec -> spec.withText("Cancel this session")));

        assertThat(status()).isEqualTo("Session cancelled. People who chose it will see that on their agenda.");
        assertThat(storedReason()).isEqualTo("The speaker is unwell");
        assertThat(_get(H1.class).getText()).isEqualTo("Restore this session");
        assertThat(_get(SessionCancelView.class).getElement().getTextRecursively())
                .contains("This session was cancelled on Friday 20 November 2026. The reason given: “The speaker is unwell”");

        _click(_get(Button.class, spec -> spec.withText("Restore this session")));

        assertThat(status()).isEqualTo("Session restored. It is back on the timetable and on people’s agendas.");
        assertThat(_get(H1.class).getText()).isEqualTo("Cancel this session");
        assertThat(db.select(PROGRAMME_SESSION.CANCELLED_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchSingle().value1()).isNull();
    }

    @Test
    void a_reason_that_is_too_long_is_shown_in_the_error_summary_and_kept_in_the_field() {
        login(organiser);
        open();
        TextArea reason = _get(TextArea.class, spec -> spec.withLabel("Reason (optional)"));
        reason.setValue("x".repeat(501));

        _click(_get(Button.class, spec -> spec.withText("Cancel this session")));

        assertThat(_get(ErrorSummary.class).messages()).containsExactly("Reason must be 500 characters or fewer");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getValue()).hasSize(501);
        assertThat(storedReason()).isNull();
    }

    @Test
    void a_change_made_meanwhile_is_a_conflict_and_nothing_is_cancelled() {
        login(organiser);
        open();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();

        _click(_get(Button.class, spec -> spec.withText("Cancel this session")));

        assertThat(status()).contains("Someone else changed this session since you opened this page");
        _click(_get(Button.class, spec -> spec.withText("Load the latest version")));
        _click(_get(Button.class, spec -> spec.withText("Cancel this session")));
        assertThat(status()).startsWith("Session cancelled.");
    }

    @Test
    void a_mistyped_or_deleted_session_is_page_not_found_with_a_404() {
        login(organiser);
        assertThat(openAddress("manage/sessions/not-a-number/cancel")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");

        db.deleteFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
        assertThat(openAddress("manage/sessions/" + sessionId + "/cancel")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(_find(Button.class, spec -> spec.withText("Cancel this session"))).isEmpty();
    }

    @Test
    void only_the_sessions_own_host_or_an_organiser_may_cancel_it() {
        HostRef council = fixture.host("Northshire Council");
        login(fixture.coordinator("Other Host", council));
        open();

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_find(Button.class, spec -> spec.withText("Cancel this session"))).isEmpty();

        logout();
        login(fixture.user("Ada"));
        assertCannotOpen(SessionCancelView.class, new RouteParameters("id", Long.toString(sessionId)));
    }
}
