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
}
