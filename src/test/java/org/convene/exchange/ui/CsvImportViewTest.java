package org.convene.exchange.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class CsvImportViewTest extends KaribuTest {

    static final String HEADER = "reference,title,description,format,date,start,end,track,host,joining link,places,"
            + "bsl,captions,easy read,audio or phone,breaks,access notes,facilitator emails";

    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Import Week " + fixture.tag(), "Europe/London", LocalDate.of(2026, 7, 6),
                LocalDate.of(2026, 7, 10));
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ConveneUser user(Role role) {
        return fixture.account("Imogen Importer", role);
    }

    private void openAsOrganiser() {
        login(user(Role.ORGANISER));
        UI.getCurrent().navigate(CsvImportView.class);
        setAsUser(conferenceSelect(), week);
    }

    @SuppressWarnings("unchecked")
    private static Select<ConferenceSummary> conferenceSelect() {
        return _get(Select.class, spec -> spec.withId("import-conference"));
    }

    private String ref(String code) {
        return code + "-" + fixture.tag();
    }

    private static void upload(String... lines) {
        UploadKt._upload(_get(Upload.class), "sessions.csv", "text/csv",
                String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("import-status")).getText();
    }

    /** Checking and writing run off the UI thread: let their pushed updates run until the page shows the end. */
    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    MockVaadin.runUIQueue();
                    assertion.run();
                });
    }

    private static Button confirmButton() {
        return _get(Button.class, spec -> spec.withId("import-confirm"));
    }

    private int sessionCount() {
        return db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()));
    }

    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    // ---- tests --------------------------------------------------------------------------------------------------

    @Test
    void the_page_explains_the_template_and_links_to_it_for_the_chosen_conference() {
        openAsOrganiser();

        assertThat(_get(H1.class).getText()).isEqualTo("Import sessions from a spreadsheet");
        assertThat(_get(Anchor.class, spec -> spec.withId("import-template")).getHref())
                .isEqualTo("manage/import/template.csv?conference=" + week.id());
        assertThat(_get(Button.class, spec -> spec.withText("Choose CSV file"))).isNotNull();
        assertThat(status()).isEmpty();
    }

    @Test
    void a_file_with_problems_lists_them_by_line_and_column_and_cannot_be_imported() {
        openAsOrganiser();

        upload(HEADER,
                ref("P1") + ",Fine,,Webinar,2026-07-08,10:00,11:00,New track " + fixture.tag() + ",,,,,,,,,,",
                ref("P2") + ",Bad time,,Webinar,2026-07-08,10:00,9am,,,,,,,,,,,");

        eventually(() -> assertThat(status()).startsWith("Your file has been checked."));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .isEqualTo("1 session will be created, 0 updated, 0 unchanged; 1 row has a problem.");
        Div errors = _get(Div.class, spec -> spec.withId("import-errors"));
        assertThat(errors.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(errors.getElement().getTextRecursively()).startsWith("There is a problem1 row has a problem.");
        // at the top of the main content, above the heading, as in the session editor
        List<Component> page = _get(CsvImportView.class).getChildren().toList();
        assertThat(page.get(0).getChildren().findFirst()).containsSame(errors);
        assertThat(page.get(1)).isSameAs(_get(H1.class));
        String problems = _get(Div.class, spec -> spec.withId("import-problems")).getElement().getTextRecursively();
        assertThat(problems).contains("3", "end", "End must be a time on the 24-hour clock, like 09:30 or 14:30");
        @SuppressWarnings("unchecked")
        Grid<Object> rows = _get(Grid.class, spec -> spec.withId("import-rows"));
        // every column, Host last, fits the page's 72rem at its base width; long text wraps instead
        assertThat(rows.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("line", "what", "reference", "title", "when", "track", "host");
        assertThat(rows.getColumns()).allSatisfy(column -> assertThat(column.isAutoWidth()).isFalse());
        assertThat(rows.getColumns().stream().mapToDouble(c -> Double.parseDouble(c.getWidth().replace("rem", "")))
                .sum()).isLessThanOrEqualTo(64);
        assertThat(rows.getThemeNames()).contains("wrap-cell-content");
        // rows with problems first
        assertThat(GridKt._getFormattedRow(rows, 0)).startsWith("3", "Not imported: 1 problem", ref("P2"));
        assertThat(GridKt._getFormattedRow(rows, 1)).containsExactly("2", "Create", ref("P1"), "Fine",
                "Wednesday 8 July 2026, 10am to 11am UK time", "New track " + fixture.tag() + " (new track)", "");
        assertThat(confirmButton().isEnabled()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-confirm-help")).getText())
                .isEqualTo("You can import once every row is fixed. Change your spreadsheet and upload it again.");
        assertThat(sessionCount()).isZero();
    }

    @Test
    void a_good_file_is_previewed_then_imported_on_confirm() {
        openAsOrganiser();

        upload(HEADER,
                ref("G1") + ",One,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("G2") + ",Two,,Talk,2026-07-09,14:00,15:30,,,,,yes,yes,,,,,");

        eventually(() -> assertThat(status()).isEqualTo("Your file has been checked. 2 sessions will be created, "
                + "0 updated, 0 unchanged."));
        assertThat(sessionCount()).as("nothing is written before confirming").isZero();
        assertThat(_find(Div.class, spec -> spec.withId("import-errors"))).isEmpty();
        assertThat(confirmButton().getText()).isEqualTo("Import 2 sessions");

        _click(confirmButton());

        eventually(() -> assertThat(status()).isEqualTo("Import finished: 2 sessions created, 0 updated, 0 unchanged."));
        assertThat(sessionCount()).isEqualTo(2);
        assertThat(_get(Anchor.class, spec -> spec.withId("import-back")).getHref()).isEqualTo("manage");

        // the same file again changes nothing
        upload(HEADER,
                ref("G1") + ",One,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("G2") + ",Two,,Talk,2026-07-09,14:00,15:30,,,,,yes,yes,,,,,");
        eventually(() -> assertThat(status()).isEqualTo("Your file has been checked. 2 sessions are already the same "
                + "in Convene."));
        assertThat(confirmButton().isEnabled()).isFalse();
    }

    @Test
    void a_session_changed_after_checking_is_reported_and_nothing_is_imported() {
        openAsOrganiser();
        upload(HEADER, ref("C1") + ",One,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,");
        eventually(() -> assertThat(status()).startsWith("Your file has been checked."));
        _click(confirmButton());
        eventually(() -> assertThat(status()).startsWith("Import finished"));

        upload(HEADER, ref("C1") + ",One renamed,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("C2") + ",Two,,Webinar,2026-07-08,12:00,13:00,,,,,,,,,,,");
        eventually(() -> assertThat(status()).startsWith("Your file has been checked."));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.REFERENCE.eq(ref("C1"))).execute();
        _click(confirmButton());

        eventually(() -> assertThat(status()).startsWith("Session " + ref("C1") + " was changed by someone else"));
        assertThat(_get(Div.class, spec -> spec.withId("import-errors")).getElement().getTextRecursively())
                .contains("nothing has been imported. Upload the file again");
        assertThat(sessionCount()).isEqualTo(1);
    }

    @Test
    void a_file_that_is_not_a_csv_is_refused_as_a_whole() {
        openAsOrganiser();

        UploadKt._upload(_get(Upload.class), "sessions.xlsx", "application/octet-stream",
                new byte[]{0x50, 0x4B, 0x03, 0x04, 0, 0});

        eventually(() -> assertThat(status()).startsWith("Your file could not be checked: This is an Excel workbook"));
        assertThat(_get(Div.class, spec -> spec.withId("import-errors")).getElement().getTextRecursively())
                .contains("pick 'CSV UTF-8 (Comma delimited)'");
        assertThat(_find(Button.class, spec -> spec.withId("import-confirm"))).isEmpty();
    }

    @Test
    void a_host_role_without_an_organisation_is_told_how_to_get_one() {
        login(user(Role.HOST));

        UI.getCurrent().navigate(CsvImportView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withText("You can import sessions once you coordinate a host "
                + "organisation. Ask an organiser to invite you as a coordinator of your organisation."))).isNotNull();
        assertThat(_find(Upload.class)).isEmpty();
    }

    @Test
    void attendees_cannot_open_the_page() {
        login(fixture.user("Ada Attendee"));

        assertCannotOpen(CsvImportView.class);
    }
}
