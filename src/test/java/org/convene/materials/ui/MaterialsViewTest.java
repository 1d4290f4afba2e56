package org.convene.materials.ui;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.convene.materials.MaterialKind;
import org.convene.materials.MaterialSamples;
import org.convene.materials.Publication;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.SESSION_MATERIAL;

class MaterialsViewTest extends KaribuTest {

    private static final LocalDate DAY = LocalDate.of(2033, 5, 11);

    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    HostRef carers;
    HostRef council;
    long sessionId;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Materials week", "Europe/London", DAY, DAY);
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        sessionId = fixture.session(week, "Caring at home").at(DAY.atTime(14, 0), DAY.atTime(15, 0)).host(carers)
                .create();
        clock.set(DAY.minusDays(5).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private ConveneUser coordinatorOf(HostRef host) {
        return fixture.coordinator("Hana Host", host);
    }

    private void open() {
        UI.getCurrent().navigate(MaterialsView.class, new RouteParameters("id", Long.toString(sessionId)));
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radios(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("materials-status")).getText();
    }

    private static void upload(String name, byte[] bytes) {
        UploadKt._upload(_get(Upload.class), name, "application/octet-stream", bytes);
    }

    private static void add() {
        _click(_get(Button.class, spec -> spec.withId("material-add")));
    }

    private int stored() {
        return db.fetchCount(SESSION_MATERIAL, SESSION_MATERIAL.SESSION_ID.eq(sessionId));
    }

    @Test
    void the_host_uploads_slides_for_the_day_before_and_sees_them_listed_with_their_state_in_words() {
        login(coordinatorOf(carers));
        open();
        assertThat(_get(H1.class).getText()).isEqualTo("Slides and handouts");
        assertThat(_get(MaterialsView.class).getElement().getTextRecursively())
                .contains("There are no materials yet.");
        assertThat(radios("material-publication").getValue()).isEqualTo(Publication.DAY_BEFORE);

        radios("material-kind").setValue(MaterialKind.SLIDES);
        field("material-title").setValue("Slides");
        upload("caring.pdf", MaterialSamples.pdf());
        assertThat(_get(Paragraph.class, spec -> spec.withId("material-file-chosen")).getText())
                .startsWith("Chosen: caring.pdf (");
        add();

        assertThat(stored()).isOne();
        assertThat(status()).isEqualTo("Added “Slides”. Attendees can see it from Tuesday 10 May 2033 at midnight "
                + "(UK time) (the day before the session).");
        ListItem item = _get(ListItem.class, spec -> spec.withClasses("cv-material"));
        assertThat(item.getElement().getTextRecursively()).contains("Slides: PDF, ").contains("uploaded as caring.pdf");
        Anchor download = _get(item, Anchor.class, spec -> spec.withText("Download to check it"));
        assertThat(download.getHref()).matches("materials/\\d+/file");
        assertThat(field("material-title").getValue()).as("the form is ready for the next").isEmpty();
    }

    @Test
    void missing_choices_an_empty_file_and_a_file_of_another_kind_are_named_in_the_summary_and_beside_the_field() {
        login(coordinatorOf(carers));
        open();

        add();
        ErrorSummary summary = _get(ErrorSummary.class);
        assertThat(summary.messages()).containsExactly("Choose what kind of material this is",
                "Enter a title, like “Slides” or “Easy read guide”",
                "Choose a file to upload, or give a web address instead");
        assertThat(radios("material-kind").isInvalid()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("material-file-error")).getText())
                .isEqualTo("Error: Choose a file to upload, or give a web address instead");
        assertThat(_get(Button.class, spec -> spec.withId("material-file")).getElement().getAttribute("aria-describedby"))
                .contains("material-file-error");

        radios("material-kind").setValue(MaterialKind.HANDOUT);
        field("material-title").setValue("Handout");
        upload("handout.pdf", MaterialSamples.program());
        add();
        assertThat(summary.messages()).singleElement().asString().startsWith("The file must be a PDF, Word (.docx)");

        upload("empty.pdf", new byte[0]);
        add();
        assertThat(summary.messages()).containsExactly("The file you chose is empty. Choose another file");
        assertThat(stored()).isZero();
    }

    @Test
    void a_file_over_the_cap_is_refused_as_too_large() {
        login(coordinatorOf(carers));
        open();
        radios("material-kind").setValue(MaterialKind.SLIDES);
        field("material-title").setValue("Slides");

        upload("big.pdf", Arrays.copyOf(MaterialSamples.pdf(), 20 * 1024 * 1024 + 10));
        add();

        assertThat(_get(ErrorSummary.class).messages())
                .containsExactly("The file must be 20 MB or smaller. Make it smaller, or share it as a web address");
        assertThat(stored()).isZero();
    }

    @Test
    void a_web_address_is_shared_now_then_hidden_and_removed_after_confirming() {
        login(coordinatorOf(carers));
        open();
        radios("material-kind").setValue(MaterialKind.EASY_READ);
        field("material-title").setValue("Easy read guide");
        radios("material-source").setValue(MaterialsView.Source.LINK);
        assertThat(_find(Upload.class)).as("the upload is hidden while a web address is chosen").isEmpty();
        field("material-web-address").setValue("https://example.org/easy-read");
        radios("material-publication").setValue(Publication.NOW);
        add();
        assertThat(status()).isEqualTo("Added “Easy read guide”. Published: attendees can see it on the session page.");

        long id = db.select(SESSION_MATERIAL.ID).from(SESSION_MATERIAL).where(SESSION_MATERIAL.SESSION_ID.eq(sessionId))
                .fetchSingle().value1();
        @SuppressWarnings("unchecked")
        Select<Publication> when = _get(Select.class, spec -> spec.withId("material-" + id + "-publication"));
        assertThat(when.getLabel()).isEqualTo("When attendees can see “Easy read guide”");
        when.setValue(Publication.HIDDEN);
        _click(_get(Button.class, spec -> spec.withId("material-" + id + "-save")));
        assertThat(status()).isEqualTo("Saved. “Easy read guide”: Hidden: only the session’s hosts and the organisers "
                + "can see it.");

        _click(_get(Button.class, spec -> spec.withId("material-" + id + "-remove")));
        assertThat(_get(H2.class, spec -> spec.withId("material-removal-title")).getText())
                .isEqualTo("Remove “Easy read guide”?");
        _click(_get(Button.class, spec -> spec.withText("Keep it")));
        assertThat(stored()).isOne();
        assertThat(_find(Div.class, spec -> spec.withId("material-removal"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("material-" + id + "-remove")));
        _click(_get(Button.class, spec -> spec.withText("Remove it")));
        assertThat(stored()).isZero();
        assertThat(status()).isEqualTo("Removed “Easy read guide”. Attendees no longer see it.");
    }

    @Test
    void hostile_values_in_the_title_and_address_are_answered_by_the_form_not_by_an_error() {
        login(coordinatorOf(carers));
        open();
        radios("material-kind").setValue(MaterialKind.OTHER);
        radios("material-source").setValue(MaterialsView.Source.LINK);
        // the values of FormBadInputCorpusTest, whose forms have fixed addresses
        for (String value : List.of("\u0000", "a\u0000b", "bell\u0007 and escape\u001b[2J", "next line\u0085",
                "delete\u007f", "x".repeat(100_000), "half \ud800 pair", "\u202eright to left\u200b", "two\nlines",
                "carriage\rreturn", "'; drop table conference; --", "<script>alert(1)</script>",
                "\ud83d\ude00".repeat(300), "   ")) {
            field("material-title").setValue(value);
            field("material-web-address").setValue("https://example.org/" + value);
            org.assertj.core.api.Assertions.assertThatCode(MaterialsViewTest::add).as(value).doesNotThrowAnyException();
            field("material-title").setValue("Fine");
            field("material-web-address").setValue(value);
            org.assertj.core.api.Assertions.assertThatCode(MaterialsViewTest::add).as(value).doesNotThrowAnyException();
        }
        assertThat(db.select(SESSION_MATERIAL.TITLE).from(SESSION_MATERIAL)
                .where(SESSION_MATERIAL.SESSION_ID.eq(sessionId)).fetch(SESSION_MATERIAL.TITLE))
                .allSatisfy(title -> assertThat(title).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(120));
    }

    @Test
    void a_host_who_stops_coordinating_while_the_page_is_open_is_told_in_the_page_and_keeps_what_they_typed() {
        ConveneUser host = coordinatorOf(carers);
        login(host);
        open();
        radios("material-kind").setValue(MaterialKind.HANDOUT);
        field("material-title").setValue("Handout");
        upload("handout.pdf", MaterialSamples.pdf());
        db.deleteFrom(org.convene.db.Tables.HOST_COORDINATOR)
                .where(org.convene.db.Tables.HOST_COORDINATOR.USER_ID.eq(host.id())).execute();

        add();

        assertThat(status()).isEqualTo("Only the session's host organisation or an organiser may change it.");
        assertThat(field("material-title").getValue()).isEqualTo("Handout");
        assertThat(stored()).isZero();
    }

    @Test
    void a_coordinator_of_another_host_is_refused_and_an_attendee_cannot_open_the_page() {
        login(coordinatorOf(council));
        open();
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_find(Upload.class)).isEmpty();

        logout();
        login(fixture.attendee());
        assertCannotOpen(MaterialsView.class, new RouteParameters("id", Long.toString(sessionId)));
    }
}
