package org.convene.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Reminder settings (convene.reminders.*).
 *
 * @param dayBeforeAt the local time the day before, in each person's zone, when the list of the next day's sessions
 *                    goes (17:00: after a working day, early enough to plan the evening)
 * @param soonBefore  how long before a session its "starts soon" reminder goes
 * @param alarmBefore how long before each session the calendar feed's alarm rings, for people who asked for one
 * @param cron        when the job looks for reminders that are due (every minute); "-" turns it off (tests call the
 *                    job themselves, with their own clock)
 */
@ConfigurationProperties("convene.reminders")
public record ReminderProperties(LocalTime dayBeforeAt, Duration soonBefore, Duration alarmBefore, String cron) {

    public ReminderProperties {
        dayBeforeAt = dayBeforeAt == null ? LocalTime.of(17, 0) : dayBeforeAt;
        soonBefore = soonBefore == null ? Duration.ofMinutes(15) : soonBefore;
        alarmBefore = alarmBefore == null ? Duration.ofMinutes(15) : alarmBefore;
        cron = cron == null || cron.isBlank() ? "0 * * * * *" : cron;
        if (soonBefore.isNegative() || soonBefore.isZero() || soonBefore.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("convene.reminders.soon-before must be more than 0 and at most 12 hours");
        }
        if (alarmBefore.isNegative() || alarmBefore.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("convene.reminders.alarm-before must be between 0 and 1 day");
        }
    }
}
