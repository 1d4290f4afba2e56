package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.attendance.AttendeeRow;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class SessionReportViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;
    ConveneUser named;
    ConveneUser unnamed;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        named = data.user();
        unnamed = data.user();
        fixture.named(named);
        fixture.stay(unnamed, "10:00", "10:20");
        fixture.stay(named, "10:05", "11:00");
        fixture.register(named);
        fixture.register(data.user());
        // a session with places: its agendas are registrations, so its no-shows are counted
        places(12);
    }

    private void places(Integer capacity) {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, capacity)
                .where(PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private void open(String query) {
        UI.getCurrent().navigate("reports/sessions/" + fixture.session, QueryParameters.fromString(query));
    }

    @Test
    void an_organiser_sees_the_figures_a_chart_with_its_table_and_attendees_named_only_with_consent() {
        login(data.user(Role.ORGANISER));
        open("");

        assertThat(_get(H1.class).getText()).isEqualTo("Attendance at Planning care together");
        assertThat(_find(Span.class)).extracting(Span::getText).contains("2", "1: 50% (about 1 in 2) of those registered",
                "2, at 10.05am", "37.5 minutes of 60", "1: 50% (about 1 in 2) of attendees");

        ReportChart chart = _get(ReportChart.class);
        assertThat(chart.getElement().getAttribute("data-chart")).contains("\"values\":[1,2,2,2,1,1,1,1,1,1,1,1]",
                "The most at once was 2 at 10.05am");
        Details table = _get(Details.class, spec -> spec.withId("presence-table"));
        assertThat(table.getSummaryText()).isEqualTo("Show the numbers as a table");
        assertThat(_get(DataTable.class).rowCount()).isEqualTo(12);

        @SuppressWarnings("unchecked")
        Grid<AttendeeRow> attendees = _get(Grid.class, spec -> spec.withId("attendees"));
        assertThat(_size(attendees)).isEqualTo(2);
        List<String> labels = IntStream.range(0, 2).mapToObj(i -> _get(attendees, i).label()).toList();
        assertThat(labels).containsExactly("Attendee 1", named.displayName());
        assertThat(_find(CsvDownload.class)).hasSize(3);
    }

    @Test
    void for_a_session_without_places_the_report_says_in_words_that_no_shows_are_not_counted() {
        places(null);
        login(data.user(Role.ORGANISER));
        open("");

        assertThat(_find(Span.class)).extracting(Span::getText).contains(SessionReportView.NO_SHOWS_NOT_COUNTED)
                .doesNotContain("1: 50% (about 1 in 2) of those registered");
    }

    @Test
    void the_chart_can_show_every_minute() {
        login(data.user(Role.ORGANISER));
        open("every=1");
        assertThat(_get(DataTable.class).rowCount()).isEqualTo(60);
    }

    @Test
    void others_are_refused_and_unknown_sessions_are_not_found() {
        RouteParameters id = new RouteParameters("id", Long.toString(fixture.session));
        assertCannotOpen(SessionReportView.class, id);
        login(data.user());
        assertCannotOpen(SessionReportView.class, id);
        logout();
        login(data.user(Role.ORGANISER));
        assertThat(openAddress("reports/sessions/999999999")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("reports/sessions/not-a-number")).isEqualTo(404);
        assertThat(_find(SessionReportView.class)).isEmpty();
    }

    @Test
    void a_coordinator_sees_their_own_sessions_report_and_is_refused_another_hosts() {
        ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, fixture.host);
        long other = fixture.otherHostsSession(fixture.programme.host("Deaf Voices"));
        login(coordinator);

        open("");
        assertThat(_get(H1.class).getText()).isEqualTo("Attendance at Planning care together");
        assertThat(_find(CsvDownload.class)).hasSize(3);
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class))
                .extracting(com.vaadin.flow.component.html.Anchor::getHref)
                .contains("reports/" + fixture.week.slug() + "/hosts/" + fixture.host.id());

        assertThat(openAddress("reports/sessions/" + other)).isEqualTo(403);
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_find(CsvDownload.class)).isEmpty();
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class)).isEmpty();
    }
}
