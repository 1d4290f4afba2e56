package org.convene.agenda;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a person's calendar feed carries an alarm before each session, and how long before. The choice belongs
 * to the reminders feature, which builds on the agenda; it contributes a bean of this type, so the agenda asks
 * without depending on it. With no such bean, feeds carry no alarms.
 */
public interface FeedAlarms {

    Optional<Duration> alarmBefore(long userId);
}
