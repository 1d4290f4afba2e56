package org.convene.reminders;

import org.jspecify.annotations.Nullable;

import java.time.ZoneId;

/**
 * One person's reminder settings.
 *
 * @param timeZone      the zone their reminders are timed and written in; null: each conference's own zone
 * @param calendarAlarm whether their calendar feed carries an alarm before each session
 */
public record ReminderSettings(@Nullable ZoneId timeZone, boolean calendarAlarm) {

    public static final ReminderSettings DEFAULT = new ReminderSettings(null, false);
}
