package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class HostReportViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        fixture.stay(data.user(), "10:00", "11:00");
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private RouteParameters params(long hostId) {
        return new RouteParameters(Map.of("slug", fixture.week.slug(), "hostId", Long.toString(hostId)));
    }

    @Test
    void an_organiser_sees_the_totals_of_the_hosts_sessions() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostReportView.class, params(fixture.host.id()));

        assertThat(_get(H1.class).getText()).isEqualTo("Attendance at " + fixture.host.name() + "’s sessions");
        assertThat(_find(Span.class)).extracting(Span::getText).contains("1", "60 minutes");
        assertThat(_get(DataTable.class).rowCount()).isEqualTo(1);
        assertThat(_find(CsvDownload.class)).hasSize(1);
        // contributed through programme.ui.HostReportSection (polls' feedback)
        assertThat(_get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("report-feedback"))
                .getElement().getTextRecursively()).contains("Feedback on " + fixture.host.name() + "’s sessions",
                "Nobody has given feedback yet.");
    }

    @Test
    void without_sessions_with_places_the_totals_say_no_shows_are_not_counted_and_the_row_says_why() {
        fixture.register(data.user());
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostReportView.class, params(fixture.host.id()));

        assertThat(_find(Span.class)).extracting(Span::getText).contains("none: no session had places",
                "Not counted: none of the sessions had places, so anyone could come without adding a session to "
                        + "their agenda");
        assertThat(_get(DataTable.class).getElement().getOuterHTML()).contains("not counted (no places)");
    }

    @Test
    void with_a_session_with_places_the_no_shows_are_a_share_of_its_registrations() {
        fixture.register(data.user());
        db.update(org.convene.db.Tables.PROGRAMME_SESSION).set(org.convene.db.Tables.PROGRAMME_SESSION.CAPACITY, 12)
                .where(org.convene.db.Tables.PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostReportView.class, params(fixture.host.id()));

        assertThat(_find(Span.class)).extracting(Span::getText)
                .contains("1 of 1 registration for sessions with places: 100% (all)");
        assertThat(_get(DataTable.class).getElement().getOuterHTML()).doesNotContain("not counted");
    }

    @Test
    void a_host_without_sessions_in_the_conference_is_not_found_and_others_are_refused() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostReportView.class, params(Long.MAX_VALUE));
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("reports/" + fixture.week.slug() + "/hosts/x1")).isEqualTo(404);
        assertThat(_find(HostReportView.class)).isEmpty();
        logout();
        login(data.user());
        assertCannotOpen(HostReportView.class, params(fixture.host.id()));
    }

    @Test
    void a_coordinator_sees_their_own_organisations_report_and_is_refused_another() {
        org.convene.core.security.ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, fixture.host);
        org.convene.programme.HostRef other = fixture.programme.host("Deaf Voices");
        fixture.otherHostsSession(other);
        login(coordinator);

        UI.getCurrent().navigate(HostReportView.class, params(fixture.host.id()));
        assertThat(_get(H1.class).getText()).isEqualTo("Attendance at " + fixture.host.name() + "’s sessions");
        assertThat(_find(CsvDownload.class)).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class))
                .extracting(com.vaadin.flow.component.html.Anchor::getHref)
                .contains("reports").doesNotContain("reports/" + fixture.week.slug());

        UI.getCurrent().navigate(HostReportView.class, params(other.id()));
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_get(org.convene.core.ui.NotAllowedView.class).getElement().getTextRecursively())
                .contains("You can only see the reports of your own organisation.");
        assertThat(_find(CsvDownload.class)).isEmpty();
    }
}
