package org.convene.attendance.ui;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.attendance.MeetingTool;
import org.convene.attendance.PersonChoice;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

class AttendanceImportViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;
    ConveneUser ada;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        ada = fixture.programme.user("Ada Example");
        db.update(APP_USER).set(APP_USER.EMAIL, "ada@example.org").where(APP_USER.ID.eq(ada.id())).execute();
        clock.set(Instant.parse("2031-11-10T12:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private void open() {
        UI.getCurrent().navigate(AttendanceImportView.class, new RouteParameters("id", String.valueOf(fixture.session)));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = AttendanceImportViewTest.class.getResourceAsStream("/org/convene/attendance/import/" + name)) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("import-status")).getText();
    }

    private int importedIntervals() {
        return db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID.eq(fixture.session)
                .and(ATTENDANCE_INTERVAL.IMPORT_ID.isNotNull()));
    }

    @Test
    void an_organiser_sees_the_empty_page_with_upload_and_phone_joins() {
        login(fixture.programme.organiser());
        open();

        assertThat(_get(H1.class).getText()).isEqualTo("Attendance from the meeting tool: Planning care together");
        assertThat(_get(Upload.class)).isNotNull();
        assertThat(_get(Section.class, spec -> spec.withId("import-list")).getElement().getTextRecursively())
                .contains("No reports imported for this session yet.");
        assertThat(_find(Section.class, spec -> spec.withId("phone-joins"))).hasSize(1);
        assertThat(status()).isEmpty();
    }

    @Test
    void an_uploaded_report_is_previewed_then_saved_and_the_unmatched_are_listed() throws IOException {
        login(fixture.programme.organiser());
        open();

        UploadKt._upload(_get(Upload.class), "zoom.csv", "text/csv", sample("zoom-participants.csv"));

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-preview-summary")).getText())
                .isEqualTo("4 joins and leaves of 3 people. 1 person matches an account by email; 2 will be listed "
                        + "for you to match by hand.");
        assertThat(status()).startsWith("Your file has been read.");
        assertThat(importedIntervals()).isZero();

        _click(_get(Button.class, spec -> spec.withId("import-save")));

        assertThat(importedIntervals()).isEqualTo(2);
        assertThat(status()).isEqualTo("Imported 3 people from Zoom. 2 people are not matched yet: see below.");
        assertThat(_get(Section.class, spec -> spec.withId("import-unmatched")).getElement().getTextRecursively())
                .contains("Ben Sample, no email", "Cleo Test, cleo@example.org", "counted nowhere by person");
    }

    @Test
    void a_bad_file_shows_its_problems_by_line_and_saves_nothing() {
        login(fixture.programme.organiser());
        open();

        UploadKt._upload(_get(Upload.class), "zoom.csv", "text/csv",
                "Name,Join time,Leave time\nAda,11/10/2031 10:00,abc\n".getBytes());

        assertThat(status()).isEqualTo("The file cannot be imported: 1 problem.");
        assertThat(_get(ErrorSummary.class).getElement().getTextRecursively())
                .contains("There is a problem", "Line 2: the leave time 'abc' is not a time.");
        assertThat(_find(Button.class, spec -> spec.withId("import-save"))).isEmpty();
    }

    @Test
    void an_unmatched_person_is_matched_by_hand_and_an_import_removed() throws IOException {
        login(fixture.programme.organiser());
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        open();
        _get(RadioButtonGroup.class, spec -> spec.withId("import-tool")).setValue(MeetingTool.ZOOM);
        UploadKt._upload(_get(Upload.class), "zoom.csv", "text/csv", sample("zoom-participants.csv"));
        _click(_get(Button.class, spec -> spec.withId("import-save")));

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Match Ben Sample to an account")));
        _get(TextField.class, spec -> spec.withId("match-person-search")).setValue("Ben");
        _click(_get(Button.class, spec -> spec.withId("match-person-find")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<PersonChoice> found = _get(RadioButtonGroup.class, spec -> spec.withId("match-person-found"));
        assertThat(found.getValue().userId()).isEqualTo(ben.id());
        _click(_get(Button.class, spec -> spec.withId("match-confirm")));

        assertThat(status()).startsWith("Ben Sample is now matched to Ben Sample");
        assertThat(importedIntervals()).isEqualTo(3);

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Remove the Zoom import")));
        _click(_get(Button.class, spec -> spec.withId("import-remove-confirm")));

        assertThat(importedIntervals()).isZero();
        assertThat(status()).isEqualTo("The Zoom import was removed.");
    }

    @Test
    void a_hand_match_is_undone_from_its_own_list_and_the_person_is_unmatched_again() throws IOException {
        login(fixture.programme.organiser());
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        open();
        UploadKt._upload(_get(Upload.class), "zoom.csv", "text/csv", sample("zoom-participants.csv"));
        _click(_get(Button.class, spec -> spec.withId("import-save")));
        assertThat(_find(Section.class, spec -> spec.withId("import-hand-matched")).getFirst().getChildren())
                .isEmpty();
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Match Ben Sample to an account")));
        _get(TextField.class, spec -> spec.withId("match-person-search")).setValue("Ben");
        _click(_get(Button.class, spec -> spec.withId("match-person-find")));
        _click(_get(Button.class, spec -> spec.withId("match-confirm")));
        assertThat(_get(Section.class, spec -> spec.withId("import-hand-matched")).getElement().getTextRecursively())
                .contains("People you matched by hand", "Ben Sample, no email (Zoom, ", "matched to Ben Sample.");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label",
                "Undo the match of Ben Sample to Ben Sample")));

        assertThat(status()).isEqualTo("The match of Ben Sample was undone. They are listed as not matched.");
        assertThat(importedIntervals()).isEqualTo(2);
        assertThat(_find(Button.class, spec -> spec.withText("Undo match"))).isEmpty();
        assertThat(_get(Section.class, spec -> spec.withId("import-unmatched")).getElement().getTextRecursively())
                .contains("Ben Sample, no email");
    }

    @Test
    void a_facilitator_marks_a_phone_join_but_cannot_upload() {
        ConveneUser facilitator = fixture.programme.user("Fay Facilitator");
        data.facilitate(fixture.session, facilitator);
        ConveneUser caller = fixture.programme.user("Carl Caller");
        fixture.register(caller);
        login(facilitator);
        open();

        assertThat(_find(Upload.class)).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("phone-mark")));
        assertThat(status()).isEqualTo("The phone join was not saved: Choose the person who joined by phone.");

        _get(TextField.class, spec -> spec.withId("phone-person-search")).setValue("Carl");
        _click(_get(Button.class, spec -> spec.withId("phone-person-find")));
        _get(TextField.class, spec -> spec.withId("phone-joined")).setValue("10:05");
        _get(TextField.class, spec -> spec.withId("phone-left")).setValue("10:50");
        _click(_get(Button.class, spec -> spec.withId("phone-mark")));

        assertThat(status()).isEqualTo("Carl Caller is marked as joined by phone.");
        assertThat(_get(Section.class, spec -> spec.withId("phone-joins")).getElement().getTextRecursively())
                .contains("Carl Caller, 10.05am to 10.50am, marked by Fay Facilitator");
    }

    @Test
    void an_attendee_cannot_open_the_page() {
        login(fixture.programme.attendee());

        assertCannotOpen(AttendanceImportView.class, new RouteParameters("id", String.valueOf(fixture.session)));
    }
}
