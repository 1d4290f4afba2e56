package org.convene.reminders.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.account.ui.AccountView;
import org.convene.core.security.ConveneUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.reminders.ReminderSettings;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.REMINDER_SETTING;

/** The email choices on "Your account", contributed by the reminders feature. */
class EmailChoicesTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    MailPreferences preferences;
    @Autowired
    DSLContext db;

    private Checkbox box(String id) {
        return _get(Checkbox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> timeZone() {
        return _get(ComboBox.class, spec -> spec.withId("reminder-time-zone"));
    }

    private String status() {
        return _get(Div.class, spec -> spec.withId("email-choices-status")).getText();
    }

    private ReminderSettings stored(ConveneUser user) {
        return db.select(REMINDER_SETTING.TIME_ZONE, REMINDER_SETTING.CALENDAR_ALARM).from(REMINDER_SETTING)
                .where(REMINDER_SETTING.USER_ID.eq(user.id()))
                .fetchOptional(r -> new ReminderSettings(r.value1(), r.value2()))
                .orElse(ReminderSettings.DEFAULT);
    }

    @Test
    void the_account_page_has_one_box_per_kind_of_email_in_plain_words_all_ticked_at_first() {
        login(data.user());
        UI.getCurrent().navigate(AccountView.class);

        assertThat(_find(H2.class)).extracting(H2::getText).contains("Email reminders and updates");
        assertThat(_find(Checkbox.class, spec -> spec.withId("mail-topic-day-before-reminder")))
                .singleElement().satisfies(box -> {
                    assertThat(box.getLabel()).isEqualTo("The day before: a list of tomorrow's sessions");
                    assertThat(box.getValue()).isTrue();
                });
        assertThat(box("mail-topic-soon-reminder").getLabel())
                .isEqualTo("15 minutes before each session: a reminder with the Join link");
        assertThat(box("mail-topic-session-changes").getValue()).isTrue();
        assertThat(box("mail-topic-recordings").getValue()).isTrue();
        assertThat(box("calendar-alarm").getValue()).isFalse();
        assertThat(box("calendar-alarm").getLabel())
                .isEqualTo("Add an alarm 15 minutes before each session in my calendar feed");
        assertThat(timeZone().getValue()).isNull();
        assertThat(_get(Div.class, spec -> spec.withId("email-choices-status")).getElement().getAttribute("role"))
                .isEqualTo("status");
    }

    @Test
    void saving_stores_each_choice_the_time_zone_and_the_calendar_alarm_for_me_only() {
        ConveneUser me = data.user();
        ConveneUser someoneElse = data.user();
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        box("mail-topic-soon-reminder").setValue(false);
        box("calendar-alarm").setValue(true);
        timeZone().setValue("America/New_York");
        _click(_get(Button.class, spec -> spec.withText(EmailChoices.SAVE)));

        assertThat(status()).isEqualTo("Saved. Your email choices are changed.");
        assertThat(preferences.wants(me.id(), MailTopic.SOON_REMINDER)).isFalse();
        assertThat(preferences.wants(me.id(), MailTopic.DAY_BEFORE_REMINDER)).isTrue();
        assertThat(stored(me)).isEqualTo(new ReminderSettings(ZoneId.of("America/New_York"), true));
        assertThat(preferences.of(someoneElse.id())).doesNotContainValue(false);
        assertThat(stored(someoneElse)).isEqualTo(ReminderSettings.DEFAULT);

        // the page shows what was saved when it opens again
        UI.getCurrent().navigate(AccountView.class);
        assertThat(box("mail-topic-soon-reminder").getValue()).isFalse();
        assertThat(box("calendar-alarm").getValue()).isTrue();
        assertThat(timeZone().getValue()).isEqualTo("America/New_York");
    }

    @Test
    void clearing_the_time_zone_goes_back_to_each_conferences_own() {
        ConveneUser me = data.user();
        login(me);
        UI.getCurrent().navigate(AccountView.class);
        timeZone().setValue("Pacific/Auckland");
        _click(_get(Button.class, spec -> spec.withText(EmailChoices.SAVE)));
        assertThat(stored(me).timeZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));

        timeZone().clear();
        _click(_get(Button.class, spec -> spec.withText(EmailChoices.SAVE)));

        assertThat(stored(me).timeZone()).isNull();
    }

    @Test
    void one_button_turns_off_every_email_and_says_how_to_turn_them_back_on() {
        ConveneUser me = data.user();
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        _click(_get(Button.class, spec -> spec.withText("Turn off all email reminders and updates")));

        assertThat(preferences.of(me.id())).doesNotContainValue(true);
        assertThat(_find(Checkbox.class)).filteredOn(box -> box.getId().orElse("").startsWith("mail-topic-"))
                .hasSize(MailTopic.values().length).allSatisfy(box -> assertThat(box.getValue()).isFalse());
        assertThat(status()).contains("will not send you reminders or updates", "Save email choices");
    }

    @Test
    void nobody_signed_out_can_open_the_choices() {
        assertCannotOpen(AccountView.class);
        assertThat(_find(EmailChoices.class)).isEmpty();
    }
}
