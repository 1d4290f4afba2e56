package org.convene.core.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.timetable.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends KaribuTest {

    @Autowired
    TestData data;

    private List<String> mainNavigation() {
        UI.getCurrent().navigate(HomeView.class);
        return _find(_get(Nav.class), Anchor.class).stream().map(Anchor::getText).toList();
    }

    @Test
    void everyone_can_reach_the_timetable_and_the_recordings() {
        assertThat(mainNavigation()).containsExactly("Timetable", "Recordings");
    }

    @Test
    void an_attendee_also_reaches_their_agenda_and_nothing_to_manage() {
        login(data.user());
        assertThat(mainNavigation()).containsExactly("Timetable", "Recordings", "My agenda");
    }

    @Test
    void a_partner_host_reaches_programme_management_and_reports_but_not_people_and_roles() {
        login(data.user(Role.HOST));
        assertThat(mainNavigation())
                .containsExactly("Timetable", "Recordings", "My agenda", "Manage the programme", "Attendance reports");
    }

    @Test
    void an_organiser_reaches_everything() {
        login(data.user(Role.ORGANISER));
        assertThat(mainNavigation()).containsExactly("Timetable", "Recordings", "My agenda", "Manage the programme",
                "Attendance reports", "People and roles");
    }
}
