package org.convene.organising.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.organising.ManagedSession;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class ManageProgrammeViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2033, 11, 21);

    @Autowired
    DSLContext db;

    ProgrammeFixture programme;
    ConferenceSummary week;
    ConferenceSummary later;
    TrackRef health;
    HostRef carers;
    HostRef council;
    long cafe;
    long budget;

    @BeforeEach
    void setUp() {
        programme = new ProgrammeFixture(db);
        week = programme.conference("Hub week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        later = programme.conference("Later week", "Europe/London", MONDAY.plusDays(7), MONDAY.plusDays(11));
        health = programme.track(week, "Health and care", 1);
        carers = programme.host("Carers Together");
        council = programme.host("Northshire Council");
        cafe = programme.session(week, "Carers' cafe").host(carers).track(health)
                .at(MONDAY.atTime(10, 30), MONDAY.atTime(11, 30)).create();
        budget = programme.session(week, "Council budget").host(council)
                .at(MONDAY.plusDays(1).atTime(12, 0), MONDAY.plusDays(1).atTime(13, 0)).create();
        programme.session(week, "Welcome").at(MONDAY.atTime(9, 0), MONDAY.atTime(9, 30)).create();
        programme.session(later, "Next week's talk").host(carers)
                .at(MONDAY.plusDays(7).atTime(9, 0), MONDAY.plusDays(7).atTime(10, 0)).create();
    }

    @AfterEach
    void tearDown() {
        programme.cleanUp();
    }

    private void open(ConferenceSummary conference) {
        UI.getCurrent().navigate("manage", QueryParameters.fromString("conference=" + conference.slug()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ManagedSession> grid() {
        return _get(Grid.class);
    }

    private static List<String> titles() {
        Grid<ManagedSession> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).title()).toList();
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("manage-status")).getText();
    }

    private static List<String> links() {
        return _find(Anchor.class).stream().map(a -> a.getText() + " -> " + a.getHref()).toList();
    }

    @Test
    void an_attendee_cannot_open_the_page() {
        login(programme.attendee());
        assertCannotOpen(ManageProgrammeView.class);
    }

    @Test
    void an_organiser_sees_every_session_of_the_conference_and_the_set_up_pages() {
        login(programme.organiser());
        open(week);

        assertThat(_get(H1.class).getText()).isEqualTo("Manage the programme");
        assertThat(links()).contains("Conferences -> manage/conferences", "Host organisations -> manage/hosts",
                "People -> manage/people", "Import sessions from a spreadsheet -> manage/import",
                "Email sent by Convene -> manage/mail",
                "Add a session -> manage/sessions/new?conference=" + week.slug());
        assertThat(titles()).containsExactly("Welcome", "Carers' cafe", "Council budget");
        Anchor title = (Anchor) GridKt._getCellComponent(grid(), 1, "title");
        assertThat(title.getText() + " -> " + title.getHref()).isEqualTo("Carers' cafe -> manage/sessions/" + cafe);
        assertThat(GridKt._getFormattedRow(grid(), 1)).containsExactly(
                "Monday 21 November 2033, 10.30am to 11.30am",
                "Anchor[text='Carers' cafe', href='manage/sessions/" + cafe + "']", "", "Health and care", carers.name(),
                "Going ahead");
        assertThat(status()).isEqualTo("3 sessions.");
        assertThat(_get(Paragraph.class, spec -> spec.withText("Times are in UK time."))).isNotNull();
    }

    @Test
    void on_a_wide_screen_six_columns_share_the_width_and_long_text_wraps() {
        login(programme.organiser());
        open(week);

        Grid<ManagedSession> grid = grid();
        assertThat(grid.getThemeNames()).contains("wrap-cell-content");
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("when", "title", "reference", "track", "host", "status");
        assertThat(grid.getColumns()).allSatisfy(column -> assertThat(column.isAutoWidth()).isFalse());
        assertThat(grid.getColumnByKey("title").getFlexGrow()).isGreaterThan(grid.getColumnByKey("when").getFlexGrow());
        // what a 1280 px laptop shows of the page, less its margins: every column fits without scrolling
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible)
                .mapToDouble(c -> Double.parseDouble(c.getWidth().replace("rem", ""))).sum()).isLessThanOrEqualTo(64);
    }

    @Test
    void on_a_phone_one_column_stacks_the_title_link_time_track_host_and_status() {
        login(programme.organiser());
        open(week);
        ManageProgrammeView view = _get(ManageProgrammeView.class);

        view.showCompactFor(360);

        Grid<ManagedSession> grid = grid();
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("session");
        Grid.Column<ManagedSession> session = grid.getColumnByKey("session");
        assertThat(session.isRowHeader()).isTrue();
        Div cell = (Div) GridKt._getCellComponent(grid, 1, "session");
        Anchor title = (Anchor) cell.getChildren().findFirst().orElseThrow();
        assertThat(title.getText() + " -> " + title.getHref()).isEqualTo("Carers' cafe -> manage/sessions/" + cafe);
        assertThat(cell.getChildren().skip(1).map(c -> c.getElement().getText()).toList()).containsExactly(
                "Monday 21 November 2033, 10.30am to 11.30am",
                "Track: Health and care. Host: " + carers.name() + ".",
                "Going ahead");

        view.showCompactFor(1280);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("when", "title", "reference", "track", "host", "status");
        view.showCompactFor(0);
        assertThat(session.isVisible()).as("a browser that has not said its width gets the table").isFalse();
    }

    @Test
    void a_host_sees_only_their_organisations_sessions_and_is_told_so() {
        login(programme.coordinator(carers));
        open(week);

        assertThat(titles()).containsExactly("Carers' cafe");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("You see only the sessions of " + carers.name() + ", the organisation you coordinate. "
                        + "You can add sessions for it and change them.");
        assertThat(links()).doesNotContain("Conferences -> manage/conferences")
                .contains("Add a session -> manage/sessions/new?conference=" + week.slug());
        assertThat(status()).isEqualTo("1 session.");
    }

    @Test
    void cancelled_sessions_say_so_and_the_search_narrows_the_list() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, Instant.now())
                .where(PROGRAMME_SESSION.ID.eq(budget)).execute();
        login(programme.organiser());
        open(week);

        _get(TextField.class, spec -> spec.withId("manage-search")).setValue("budget");
        _click(_get(Button.class, spec -> spec.withText("Search")));

        assertThat(titles()).containsExactly("Council budget");
        assertThat(GridKt._getFormatted(grid(), 0, "status")).isEqualTo("Cancelled");
        assertThat(status()).isEqualTo("1 session found for \u201cbudget\u201d.");
    }

    @Test
    void sorting_by_title_and_choosing_another_conference_reload_the_list() {
        login(programme.organiser());
        open(week);

        GridKt._sortByKey(grid(), "title", SortDirection.DESCENDING);
        assertThat(titles()).containsExactly("Welcome", "Council budget", "Carers' cafe");

        @SuppressWarnings("unchecked")
        Select<ConferenceSummary> choice = _get(Select.class, spec -> spec.withId("manage-conference"));
        choice.setValue(later);
        assertThat(titles()).containsExactly("Next week's talk");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("manage?conference=" + later.slug());
    }
}
