package org.convene.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.access.AccessNeedsService;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.convene.qa.ui.ModerationView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.EnumSet;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The access-need counts on the moderation page (qa.ui.ModerationView), contributed as a SessionViewSection. */
class AccessModerationSectionTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2033, 11, 28);

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    AccessNeedsService needs;
    @Autowired
    AgendaService agenda;

    ProgrammeFixture fixture;
    long session;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Moderation access week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        session = fixture.session(week, "Planning care together").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0))
                .access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS).create();
        facilitator = fixture.account("Fola Facilitator", Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
    }

    private void comingWith(String name, AccessFeature... features) {
        ConveneUser attendee = fixture.account(name);
        AccountFixtures.actAs(attendee);
        if (features.length > 0) {
            needs.save(EnumSet.of(features[0], features));
        }
        agenda.add(session);
        SecurityContextHolder.clearContext();
    }

    private void open() {
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(session)));
    }

    private static String text() {
        return _get(Section.class, spec -> spec.withId(AccessModerationSection.ID)).getElement().getTextRecursively();
    }

    @Test
    void facilitators_see_how_many_people_coming_need_each_kind_of_access_in_words_and_never_who() {
        comingWith("Ada Needs-Captions", AccessFeature.LIVE_CAPTIONS);
        comingWith("Ben Needs-Both", AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION);
        comingWith("Cy Needs-Nothing");
        login(facilitator);

        open();

        assertThat(text()).startsWith("What people coming need")
                .contains("3 people have this session on their agenda. What they need:")
                .contains("2 need live captions", "1 needs British Sign Language (BSL) interpretation")
                .contains(AccessPlanningPanel.SMALL_NUMBERS)
                .doesNotContain("Ada").doesNotContain("Ben").doesNotContain("Cy ");
        Section part = _get(Section.class, spec -> spec.withId(AccessModerationSection.ID));
        assertThat(part.getElement().getAttribute("aria-labelledby")).isEqualTo(AccessModerationSection.ID + "-heading");
    }

    @Test
    void with_nobody_coming_yet_the_part_says_so() {
        login(facilitator);

        open();

        assertThat(text()).contains("Nobody has this session on their agenda yet.");
    }

    @Test
    void an_organiser_sees_the_counts_too() {
        comingWith("Dee Needs-Easy-Read", AccessFeature.EASY_READ);
        login(fixture.account("Orla Organiser", Role.ORGANISER));

        open();

        assertThat(text()).contains("1 needs easy read materials");
    }

    @Test
    void someone_who_may_not_moderate_gets_no_counts() {
        comingWith("Eve Needs-Captions", AccessFeature.LIVE_CAPTIONS);
        login(fixture.account("Ann Attendee"));

        open();

        assertThat(_find(Section.class, spec -> spec.withId(AccessModerationSection.ID))).isEmpty();
    }
}
