package org.convene.organising.ui;

import org.convene.core.time.DateTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ConferencesAdminViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void organisers_see_every_conference_with_its_days_and_the_way_to_create_one() {
        ConferenceSummary week = fixture.conference("Co-production Week 2032", "Europe/London",
                LocalDate.of(2032, 11, 22), LocalDate.of(2032, 11, 26));
        login(data.user(Role.ORGANISER));

        UI.getCurrent().navigate(ConferencesAdminView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Conferences");
        assertThat(_get(Anchor.class, spec -> spec.withText("Co-production Week 2032")).getHref())
                .isEqualTo("manage/conferences/" + week.slug());
        assertThat(_get(Anchor.class, spec -> spec.withText("Create a conference")).getHref())
                .isEqualTo("manage/conferences/new");
        assertThat(_get(_get(ConferencesAdminView.class), Anchor.class, spec -> spec.withText("Manage the programme")).getHref())
                .isEqualTo("manage");
        assertThat(_find(com.vaadin.flow.component.html.Span.class)).extracting(s -> s.getText())
                .contains(", " + DateTexts.dayRange(week.firstDay(), week.lastDay()));
    }

    @Test
    void attendees_and_host_coordinators_cannot_open_it() {
        login(data.user());
        assertCannotOpen(ConferencesAdminView.class);
        logout();
        login(data.user(Role.HOST));
        assertCannotOpen(ConferencesAdminView.class);
    }
}
