package org.convene.reminders;

import org.convene.core.PublicBaseUrl;
import org.convene.materials.MaterialsService;
import org.convene.mail.MailContent;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.convene.mail.Outbox;
import org.convene.mail.OutboxKeys;
import org.convene.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Every minute (convene.reminders.cron), puts the reminders that have come due into the outbox. Each node runs it;
 * the outbox keeps one message per idempotency key, so two nodes, a restart or a run that overlaps the last make
 * one message each.
 * <p>
 * A moved session: the soon reminder's key holds the start time, so the new time gets its own reminder, and a
 * reminder for the old time still waiting in the outbox is withdrawn by the next run (it is no longer due). The
 * same goes for a cancelled session, or one taken off the agenda. The day-before list is written at its moment
 * and not rewritten; a change after it is the change notices' business.
 */
@Service
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    /** How far apart two nodes' clocks may be without one withdrawing what the other just wrote. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private final ReminderRepository reminders;
    private final Outbox outbox;
    private final OutboxKeys outboxKeys;
    private final MailPreferences preferences;
    private final PublicBaseUrl base;
    private final ReminderProperties properties;
    private final MaterialsService materials;
    private final Clock clock;

    ReminderJob(ReminderRepository reminders, Outbox outbox, OutboxKeys outboxKeys, MailPreferences preferences,
                PublicBaseUrl base, ReminderProperties properties, MaterialsService materials, Clock clock) {
        this.materials = materials;
        this.reminders = reminders;
        this.outbox = outbox;
        this.outboxKeys = outboxKeys;
        this.preferences = preferences;
        this.base = base;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Enqueues what is due now and withdraws soon reminders still waiting whose session is no longer due. Runs at
     * {@code convene.reminders.cron} (every minute; "-" turns it off, as the tests do: they call it with their
     * own clock).
     */
    @Scheduled(cron = "${convene.reminders.cron:0 * * * * *}")
    @Transactional
    public void run() {
        Instant now = clock.instant();
        List<AgendaSession> upcoming = reminders.upcoming(now,
                now.plus(ReminderPlan.lookAhead(properties.dayBeforeAt(), properties.soonBefore())));
        List<DueReminder> due = ReminderPlan.due(now, upcoming, properties.dayBeforeAt(), properties.soonBefore());
        Set<String> queued = outboxKeys.present(due.stream().map(DueReminder::key).toList());
        int added = 0;
        for (DueReminder reminder : due) {
            if (!queued.contains(reminder.key()) && wanted(reminder) && outbox.enqueue(mail(reminder, now))) {
                added++;
            }
        }
        int withdrawn = outboxKeys.withdrawPendingExcept(DueReminder.Soon.KIND,
                ReminderPlan.soonKeysToKeep(now, upcoming, properties.soonBefore(), CLOCK_MARGIN));
        if (added > 0 || withdrawn > 0) {
            log.info("Reminders: {} queued, {} withdrawn (session moved, cancelled or taken off an agenda)",
                    added, withdrawn);
        }
    }

    private boolean wanted(DueReminder reminder) {
        MailTopic topic = switch (reminder) {
            case DueReminder.DayBefore d -> MailTopic.DAY_BEFORE_REMINDER;
            case DueReminder.Soon s -> MailTopic.SOON_REMINDER;
        };
        return preferences.wants(reminder.userId(), topic);
    }

    private OutgoingMail mail(DueReminder reminder, Instant now) {
        String unsubscribe = preferences.unsubscribeUrl(reminder.userId());
        MailContent content = switch (reminder) {
            case DueReminder.DayBefore d -> ReminderMessages.dayBefore(d,
                    materials.publishedBy(d.sessions().stream().map(AgendaSession::sessionId).toList(), now),
                    base, unsubscribe);
            case DueReminder.Soon s -> ReminderMessages.soon(s, base, unsubscribe);
        };
        String kind = switch (reminder) {
            case DueReminder.DayBefore d -> DueReminder.DayBefore.KIND;
            case DueReminder.Soon s -> DueReminder.Soon.KIND;
        };
        return new OutgoingMail(reminder.key(), kind, reminder.userId(), reminder.email(), content, unsubscribe, now);
    }
}
