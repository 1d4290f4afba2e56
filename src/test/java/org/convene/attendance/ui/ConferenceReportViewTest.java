package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.attendance.SessionFigures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class ConferenceReportViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        ConveneUser a = data.user();
        ConveneUser b = data.user();
        fixture.stay(a, "10:00", "10:30");
        fixture.stay(b, "10:10", "11:00");
        fixture.register(a);
        fixture.register(data.user());
        // a session with places: no-shows count only where adding the session took a place
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 12)
                .where(PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private void open(String slug) {
        UI.getCurrent().navigate(ConferenceReportView.class, new RouteParameters("slug", slug));
    }

    @Test
    void an_organiser_sees_the_headline_figures_the_days_and_the_ranked_sessions() {
        login(data.user(Role.ORGANISER));
        open(fixture.week.slug());

        assertThat(_get(H1.class).getText()).isEqualTo("Attendance at Report week");
        assertThat(_find(Span.class)).extracting(Span::getText)
                .contains("2", "80 minutes of attendee time",
                        "1 of 2 registrations for sessions with places: 50% (about 1 in 2)",
                        "2, at 10.10am on Monday 10 November (UK time)");
        DataTable days = _get(DataTable.class);
        assertThat(days.rowCount()).isEqualTo(1);
        assertThat(days.getElement().getOuterHTML()).contains("<caption>", "scope=\"col\"", "scope=\"row\"",
                "Monday 10 November 2031");
        assertThat(_find(ReportChart.class)).hasSize(1);
        assertThat(_get(ReportChart.class).getElement().getAttribute("data-chart"))
                .contains("\"values\":[2]", "The busiest day was Monday 10 November with 2");

        @SuppressWarnings("unchecked")
        Grid<SessionFigures> ranking = _get(Grid.class, spec -> spec.withId("session-ranking"));
        assertThat(_size(ranking)).isEqualTo(1);
        assertThat(_get(ranking, 0).attended()).isEqualTo(2);
        assertThat(ranking.getColumns().getFirst().getKey()).isEqualTo("rank");
        assertThat(_find(CsvDownload.class)).hasSize(3);
    }

    @Test
    void a_conference_without_sessions_with_places_says_its_no_shows_are_not_counted_and_why() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, (Integer) null)
                .where(PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
        login(data.user(Role.ORGANISER));
        open(fixture.week.slug());

        assertThat(_find(Span.class)).extracting(Span::getText)
                .contains("none: no session had places", "Not counted: none of the sessions had places, so anyone "
                        + "could come without adding a session to their agenda");
        @SuppressWarnings("unchecked")
        Grid<SessionFigures> ranking = _get(Grid.class, spec -> spec.withId("session-ranking"));
        assertThat(GridKt._getFormatted(ranking, 0, "noShows")).isEqualTo("not counted (no places)");
    }

    @Test
    void a_session_with_places_shows_its_no_shows_in_its_row() {
        login(data.user(Role.ORGANISER));
        open(fixture.week.slug());
        @SuppressWarnings("unchecked")
        Grid<SessionFigures> ranking = _get(Grid.class, spec -> spec.withId("session-ranking"));
        assertThat(GridKt._getFormatted(ranking, 0, "noShows")).isEqualTo("1");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class))
                .extracting(com.vaadin.flow.component.html.Paragraph::getText)
                .anyMatch(text -> text.startsWith("Registrations and no-shows count only sessions with places"));
    }

    @Test
    void an_unknown_conference_shows_not_found() {
        login(data.user(Role.ORGANISER));
        open("no-such-week");
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }

    @Test
    void attendees_facilitators_and_strangers_are_refused() {
        RouteParameters slug = new RouteParameters("slug", fixture.week.slug());
        assertCannotOpen(ConferenceReportView.class, slug);
        login(data.user());
        assertCannotOpen(ConferenceReportView.class, slug);
        logout();
        login(data.user(Role.FACILITATOR));
        assertCannotOpen(ConferenceReportView.class, slug);
    }
}
