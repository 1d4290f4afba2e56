package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ReportsViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void organisers_find_a_report_for_each_conference_and_nobody_else_gets_in() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(ReportsView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Attendance reports");
        assertThat(_get(Anchor.class, spec -> spec.withText("Report week")).getHref())
                .isEqualTo("reports/" + fixture.week.slug());
        logout();
        login(data.user(Role.FACILITATOR));
        assertCannotOpen(ReportsView.class);
    }

    @Test
    void a_coordinator_finds_only_their_own_organisations_reports() {
        org.convene.core.security.ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, fixture.host);
        fixture.otherHostsSession(fixture.programme.host("Deaf Voices"));
        login(coordinator);

        UI.getCurrent().navigate(ReportsView.class);

        assertThat(_find(Anchor.class)).filteredOn(a -> a.getHref().startsWith("reports/"))
                .extracting(Anchor::getHref, Anchor::getText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "reports/" + fixture.week.slug() + "/hosts/" + fixture.host.id(),
                        fixture.host.name() + " at Report week"));
    }

    @Test
    void the_host_role_without_an_organisation_shows_no_reports() {
        login(data.user(Role.HOST));
        UI.getCurrent().navigate(ReportsView.class);
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class))
                .extracting(com.vaadin.flow.component.html.Paragraph::getText)
                .contains("Your organisation has no sessions in any conference yet, so there are no reports.");
    }
}
