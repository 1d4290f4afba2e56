package org.convene.reminders;

import org.convene.agenda.FeedAlarms;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** The calendar feed's alarm, for the people who turned it on (off by default). */
@Component
class CalendarAlarms implements FeedAlarms {

    private final ReminderSettingsService settings;
    private final ReminderProperties properties;

    CalendarAlarms(ReminderSettingsService settings, ReminderProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @Override
    public Optional<Duration> alarmBefore(long userId) {
        return settings.wantsCalendarAlarm(userId) ? Optional.of(properties.alarmBefore()) : Optional.empty();
    }
}
