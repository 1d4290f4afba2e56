package org.convene.reminders;

import org.convene.core.security.CurrentUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in person's email choices (the mail topics) and reminder settings (time zone, calendar alarm): nobody
 * reads or changes another's, whatever a client sends.
 */
@Service
@Transactional
public class ReminderSettingsService {

    /** The zones a person can choose: the region ids (Europe/London), not offsets or old aliases. */
    public static final List<String> ZONES = zones();

    private final ReminderRepository reminders;
    private final MailPreferences mailPreferences;
    private final CurrentUser currentUser;

    ReminderSettingsService(ReminderRepository reminders, MailPreferences mailPreferences, CurrentUser currentUser) {
        this.reminders = reminders;
        this.mailPreferences = mailPreferences;
        this.currentUser = currentUser;
    }

    /** Every topic with my choice, in the topics' order. */
    @Transactional(readOnly = true)
    public Map<MailTopic, Boolean> myTopics() {
        return mailPreferences.of(currentUser.require().id());
    }

    /** Saves my topics and settings together, so a refused time zone changes nothing. */
    public void saveMine(Map<MailTopic, Boolean> topics, ReminderSettings settings) {
        save(settings);
        long me = currentUser.require().id();
        topics.forEach((topic, wanted) -> mailPreferences.set(me, topic, wanted));
    }

    /** What the one-click link does, from the account page. */
    public void turnAllOffForMe() {
        long me = currentUser.require().id();
        for (MailTopic topic : MailTopic.values()) {
            mailPreferences.set(me, topic, false);
        }
    }

    @Transactional(readOnly = true)
    public ReminderSettings mine() {
        return reminders.settings(currentUser.require().id());
    }

    /** @throws IllegalArgumentException for a zone that is not one of {@link #ZONES} */
    public void save(ReminderSettings settings) {
        @Nullable ZoneId zone = settings.timeZone();
        if (zone != null && !ZONES.contains(zone.getId())) {
            throw new IllegalArgumentException("Choose a time zone from the list.");
        }
        reminders.save(currentUser.require().id(), settings);
    }

    /** Whether this person's feed carries alarms; read by the calendar feed for its owner, who is not signed in. */
    @Transactional(readOnly = true)
    public boolean wantsCalendarAlarm(long userId) {
        return reminders.settings(userId).calendarAlarm();
    }

    /** A zone id as typed or stored, if it is one of {@link #ZONES}. */
    public static @Nullable ZoneId zoneOrNull(@Nullable String id) {
        if (id == null || !ZONES.contains(id)) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static List<String> zones() {
        Set<String> ids = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+")) {
                ids.add(id);
            }
        }
        ids.add("UTC");
        return List.copyOf(ids);
    }
}
