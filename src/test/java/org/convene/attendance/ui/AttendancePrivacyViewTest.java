package org.convene.attendance.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import org.convene.core.ui.SafeConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.attendance.AttendanceService;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

class AttendancePrivacyViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    AttendanceService attendance;

    AttendanceFixture fixture;
    ConveneUser alex;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        alex = data.user();
        fixture.stay(alex, "10:05", "10:35");
        fixture.stay(alex, "10:40", "11:00");
        login(alex);
        UI.getCurrent().navigate(AttendancePrivacyView.class);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("attendance-status")).getText();
    }

    @Test
    void the_page_says_in_plain_words_what_is_recorded_and_why() {
        assertThat(_get(H1.class).getText()).isEqualTo("Your attendance");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(text -> text.contains("Organisers use these records to count how many people came"))
                .anyMatch(text -> text.contains("deleted automatically a year after"))
                .anyMatch(text -> text.equals("Convene has 2 records of you at 1 session."));
        assertThat(_find(CsvDownload.class)).hasSize(1);
    }

    @Test
    void naming_in_reports_is_off_until_the_attendee_ticks_it() {
        Checkbox named = _get(Checkbox.class, spec -> spec.withId("named-in-reports"));
        assertThat(named.getLabel()).isEqualTo("Show my name in organisers’ attendance reports");
        assertThat(named.getValue()).isFalse();

        named.setValue(true);

        assertThat(status()).isEqualTo("Saved. Organisers’ attendance reports will show your name.");
        assertThat(db.select(APP_USER.NAMED_IN_REPORTS).from(APP_USER).where(APP_USER.ID.eq(alex.id()))
                .fetchSingle().value1()).isTrue();

        UI.getCurrent().navigate(AttendancePrivacyView.class);
        assertThat(_get(Checkbox.class, spec -> spec.withId("named-in-reports")).getValue()).isTrue();
    }

    @Test
    void deleting_asks_first_in_a_titled_dialog_then_removes_every_record() {
        _click(_get(Button.class, spec -> spec.withId("delete-attendance")));
        SafeConfirmDialog dialog = _get(SafeConfirmDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delete your attendance records?");
        assertThat(dialog.keepButton().isAutofocus()).as("the safe choice has the focus").isTrue();
        assertThat(dialog.confirmButton().isAutofocus()).isFalse();
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id()))).isEqualTo(2);

        _click(dialog.confirmButton());

        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id()))).isZero();
        assertThat(status()).isEqualTo("Deleted 2 attendance records.");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Convene has no attendance records for you.");
    }

    @Test
    void escape_closes_the_question_and_keeps_every_record() {
        _click(_get(Button.class, spec -> spec.withId("delete-attendance")));
        SafeConfirmDialog dialog = _get(SafeConfirmDialog.class);

        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id()))).isEqualTo(2);
    }

    @Test
    void someone_not_signed_in_cannot_open_it() {
        logout();
        UI.getCurrent().navigate(org.convene.timetable.ui.HomeView.class);
        assertCannotOpen(AttendancePrivacyView.class);
    }
}
