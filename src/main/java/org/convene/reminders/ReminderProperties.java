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
 * @see ReminderJob#run() convene.reminders.cron, when the job looks for what is due
 */
@ConfigurationProperties("convene.reminders")
public record ReminderProperties(LocalTime dayBeforeAt, Duration soonBefore, Duration alarmBefore) {

    public ReminderProperties {
        dayBeforeAt = dayBeforeAt == null ? LocalTime.of(17, 0) : dayBeforeAt;
        soonBefore = soonBefore == null ? Duration.ofMinutes(15) : soonBefore;
        alarmBefore = alarmBefore == null ? Duration.ofMinutes(15) : alarmBefore;
        if (soonBefore.isNegative() || soonBefore.isZero() || soonBefore.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("convene.reminders.soon-before must be more than 0 and at most 12 hours");
        }
        if (alarmBefore.isNegative() || alarmBefore.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("convene.reminders.alarm-before must be between 0 and 1 day");
        }
    }
}
