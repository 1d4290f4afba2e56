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
                .contains("2", "80 minutes of attendee time", "1: 50% (about 1 in 2) of registrations",
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
