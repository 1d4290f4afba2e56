package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.TRACK;

class ConferenceEditViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;
    ConferenceSummary week;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week 2032", "Europe/London", MONDAY, MONDAY.plusDays(4));
        login(data.user(Role.ORGANISER));
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private ConferenceEditView open() {
        UI.getCurrent().navigate(ConferenceEditView.class, new RouteParameters("slug", week.slug()));
        return _get(ConferenceEditView.class);
    }

    private static String status(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void the_form_shows_the_conference_and_saves_changes() {
        ConferenceEditView view = open();
        assertThat(_get(H1.class).getText()).isEqualTo("Co-production Week 2032");
        assertThat(view.fields().slug.getValue()).isEqualTo(week.slug());
        assertThat(view.fields().firstDay.value()).isEqualTo(MONDAY);

        AdminViews.type(view.fields().theme, "Working together");
        AdminViews.type(view.fields().timeZone, "Europe/Dublin");
        _click(_get(Button.class, spec -> spec.withId("save-conference")));

        assertThat(status("conference-status")).isEqualTo("Saved the changes to Co-production Week 2032.");
        assertThat(db.select(CONFERENCE.THEME, CONFERENCE.TIME_ZONE).from(CONFERENCE)
                .where(CONFERENCE.ID.eq(week.id())).fetchSingle().intoArray()).containsExactly("Working together",
                java.time.ZoneId.of("Europe/Dublin"));
    }

    @Test
    void organisers_can_ask_for_an_account_before_people_join_and_the_form_shows_the_choice_again() {
        ConferenceEditView view = open();
        assertThat(view.fields().joinNeedsAccount.getValue()).as("anyone may join by default").isFalse();
        assertThat(view.fields().joinNeedsAccount.getLabel()).isEqualTo("People must log in to join sessions");

        view.fields().joinNeedsAccount.setValue(true);
        _click(_get(Button.class, spec -> spec.withId("save-conference")));

        assertThat(status("conference-status")).isEqualTo("Saved the changes to Co-production Week 2032.");
        assertThat(db.select(CONFERENCE.JOIN_NEEDS_ACCOUNT).from(CONFERENCE).where(CONFERENCE.ID.eq(week.id()))
                .fetchSingle().value1()).isTrue();
        assertThat(open().fields().joinNeedsAccount.getValue()).isTrue();
    }

    @Test
    void a_change_saved_by_someone_else_meanwhile_is_not_overwritten_and_the_latest_can_be_loaded() {
        ConferenceEditView view = open();
        db.update(CONFERENCE).set(CONFERENCE.NAME, "Their name").set(CONFERENCE.VERSION, CONFERENCE.VERSION.plus(1))
                .where(CONFERENCE.ID.eq(week.id())).execute();

        AdminViews.type(view.fields().name, "My name");
        _click(_get(Button.class, spec -> spec.withId("save-conference")));

        assertThat(_get(Paragraph.class, spec -> spec.withText("Someone else changed this while you were editing "
                + "it. Your changes have not been saved.")).getParent().orElseThrow().isVisible()).isTrue();
        assertThat(view.fields().name.getValue()).as("what was typed stays").isEqualTo("My name");
        assertThat(db.select(CONFERENCE.NAME).from(CONFERENCE).where(CONFERENCE.ID.eq(week.id())).fetchSingle()
                .value1()).isEqualTo("Their name");

        _click(_get(Button.class, spec -> spec.withText("Load the latest version")));
        assertThat(view.fields().name.getValue()).isEqualTo("Their name");
        AdminViews.type(view.fields().name, "My name");
        _click(_get(Button.class, spec -> spec.withId("save-conference")));
        assertThat(db.select(CONFERENCE.NAME).from(CONFERENCE).where(CONFERENCE.ID.eq(week.id())).fetchSingle()
                .value1()).isEqualTo("My name");
    }

    @Test
    void shortening_the_days_past_its_sessions_is_refused_with_the_count() {
        fixture.session(week, "Friday").at(MONDAY.plusDays(4).atTime(10, 0), MONDAY.plusDays(4).atTime(11, 0))
                .create();
        ConferenceEditView view = open();
        view.fields().lastDay.type("25", "11", "2032");

        _click(_get(Button.class, spec -> spec.withId("save-conference")));

        assertThat(view.errors().messages()).containsExactly(
                "1 session is outside these days. Move it first, or choose days that include it");
        assertThat(view.getPageTitle()).startsWith("Error: ");
    }

    @Test
    void tracks_are_added_moved_and_removed_after_a_confirmation_that_counts_their_sessions() {
        TrackRef health = fixture.track(week, "Health", 0);
        fixture.session(week, "In health").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).track(health).create();
        open();

        AdminViews.type(_get(TextField.class, spec -> spec.withId("new-track")), "Housing");
        _click(_get(Button.class, spec -> spec.withId("add-track")));
        assertThat(status("track-status")).isEqualTo("Added the track Housing.");
        AdminViews.type(_get(TextField.class, spec -> spec.withId("new-track")), "housing");
        _click(_get(Button.class, spec -> spec.withId("add-track")));
        assertThat(_get(TextField.class, spec -> spec.withId("new-track")).getErrorMessage())
                .isEqualTo("This conference already has a track called \u201chousing\u201d. Choose a different name");

        _click(AdminViews.button("Move up: Housing"));
        assertThat(status("track-status")).isEqualTo("Moved Housing to place 1 of 2.");
        assertThat(db.select(TRACK.NAME).from(TRACK).where(TRACK.CONFERENCE_ID.eq(week.id()))
                .orderBy(TRACK.POSITION).fetch(TRACK.NAME)).containsExactly("Housing", "Health");

        _click(AdminViews.button("Remove: Health"));
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText).filter(t -> t.contains("uses the track")))
                .containsExactly("1 session uses the track Health. If you remove the track, it will have no track. Remove it?");
        _click(_get(Button.class, spec -> spec.withText("Yes, remove the track")));
        assertThat(status("track-status")).isEqualTo("Removed the track Health. 1 session has no track now.");
        assertThat(_find(Button.class)).noneMatch(b -> "Remove: Health".equals(b.getAriaLabel().orElse(null)));
    }

    @Test
    void an_unknown_conference_is_not_found_and_hosts_cannot_open_it() {
        assertThat(openAddress("manage/conferences/no-such-conference")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        logout();
        login(data.user(Role.HOST));
        assertCannotOpen(ConferenceEditView.class, new RouteParameters("slug", week.slug()));
    }
}
