package org.convene.reminders.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.mail.MailTopic;
import org.convene.reminders.ReminderMessages;
import org.convene.reminders.ReminderProperties;
import org.convene.reminders.ReminderSettings;
import org.convene.reminders.ReminderSettingsService;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which emails the signed-in person gets, in plain words: one box per kind, a button that turns them all off (as
 * the link in every message does), the time zone of their reminders and the calendar feed's alarm.
 */
class EmailChoices extends Section {

    static final String SAVE = "Save email choices";

    private final ReminderSettingsService settings;
    private final Map<MailTopic, Checkbox> topics = new EnumMap<>(MailTopic.class);
    private final ComboBox<String> timeZone = new ComboBox<>("Time zone for your reminders");
    private final Checkbox alarm;
    /** Present from the start so that screen readers announce what a button did. */
    private final Div status = new Div();

    EmailChoices(ReminderSettingsService settings, ReminderProperties properties) {
        this.settings = settings;
        setId("email-choices");
        status.getElement().setAttribute("role", "status");
        status.setId("email-choices-status");

        long soonMinutes = properties.soonBefore().toMinutes();
        Div boxes = new Div();
        Map<MailTopic, Boolean> mine = settings.myTopics();
        for (MailTopic topic : MailTopic.values()) {
            Checkbox box = new Checkbox(label(topic, soonMinutes));
            box.setId("mail-topic-" + topic.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            box.setValue(Boolean.TRUE.equals(mine.get(topic)));
            topics.put(topic, box);
            boxes.add(new Div(box));
        }

        ReminderSettings current = settings.mine();
        timeZone.setId("reminder-time-zone");
        timeZone.setItems(ReminderSettingsService.ZONES);
        timeZone.setAllowCustomValue(false);
        timeZone.setClearButtonVisible(true);
        timeZone.setHelperText("Type to find a place, like London or New York. Leave it empty to use each "
                + "conference's own time zone, as your agenda does.");
        ZoneId zone = current.timeZone();
        timeZone.setValue(zone == null ? null : zone.getId());

        Button deviceZone = new Button("Use this device's time zone", e -> useDeviceZone());
        deviceZone.setId("reminder-device-zone");
        deviceZone.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        alarm = new Checkbox("Add an alarm " + properties.alarmBefore().toMinutes()
                + " minutes before each session in my calendar feed");
        alarm.setId("calendar-alarm");
        alarm.setValue(current.calendarAlarm());

        Button save = new Button(SAVE, e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button allOff = new Button(ReminderMessages.TURN_ALL_OFF, e -> turnAllOff());
        allOff.setId("mail-all-off");

        Div form = new Div(new H3("Which emails you get"), boxes, new H3("Times and your calendar"), timeZone,
                new Div(deviceZone), new Div(alarm), save);
        form.addClassName("cv-form");
        add(new H2("Email reminders and updates"),
                new Paragraph("Choose the emails Convene sends you about sessions on your agenda. Emails about "
                        + "your account, such as resetting your password, always come."),
                status, form,
                new Paragraph("Or stop them all at once. Every email has a link that does the same."),
                allOff);
    }

    /** The choice in plain words; a new topic will not compile until it has its words here. */
    static String label(MailTopic topic, long soonMinutes) {
        return switch (topic) {
            case DAY_BEFORE_REMINDER -> "The day before: a list of tomorrow's sessions";
            case SOON_REMINDER -> soonMinutes + " minutes before each session: a reminder with the Join link";
            case SESSION_CHANGES -> "When a session moves or is cancelled";
            case RECORDINGS -> "When a recording of a session is ready to watch";
        };
    }

    private void save() {
        Map<MailTopic, Boolean> chosen = new EnumMap<>(MailTopic.class);
        topics.forEach((topic, box) -> chosen.put(topic, box.getValue()));
        @Nullable ZoneId zone = ReminderSettingsService.zoneOrNull(timeZone.getValue());
        if (timeZone.getValue() != null && !timeZone.getValue().isEmpty() && zone == null) {
            timeZone.setInvalid(true);
            timeZone.setErrorMessage("Choose a time zone from the list, or leave it empty.");
            return;
        }
        timeZone.setInvalid(false);
        settings.saveMine(chosen, new ReminderSettings(zone, alarm.getValue()));
        status.setText("Saved. Your email choices are changed.");
    }

    /** Fills in the zone the browser reports; the person still presses Save, so nothing changes unseen. */
    private void useDeviceZone() {
        getUI().ifPresent(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone = ReminderSettingsService.zoneOrNull(details.getTimeZoneId());
            if (zone == null) {
                status.setText("This device did not say its time zone. Type a place in the box instead.");
            } else {
                timeZone.setValue(zone.getId());
                status.setText("Time zone filled in: " + zone.getId() + ". Press \"" + SAVE + "\" to keep it.");
            }
        }));
    }

    private void turnAllOff() {
        settings.turnAllOffForMe();
        topics.values().forEach(box -> box.setValue(false));
        status.setText("Done. Convene will not send you reminders or updates. Tick the ones you want and press \""
                + SAVE + "\" to turn them back on.");
    }
}
