package org.convene.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which reminders are due at a moment: pure, so the schedule is tested with any clock and zone.
 * <p>
 * <b>The day before.</b> The sessions a person has on a day (the day in the session's reminder zone, see
 * {@link AgendaSession#zone()}) go in one message, due at {@code dayBeforeAt} on the day before in that zone and
 * until midnight there, after which "tomorrow" would be wrong. Doing it with local dates and times, not with
 * 24-hour steps, keeps 17:00 at 17:00 across a clock change.
 * <p>
 * <b>Soon.</b> Each session's reminder is due from {@code soonBefore} before its start until it starts.
 */
public final class ReminderPlan {

    private ReminderPlan() {
    }

    /**
     * How far ahead the job must look: the day-before list of day D goes from dayBeforeAt on D-1, so a session at
     * the end of D is up to 48 hours less dayBeforeAt away; plus an hour for a clock change, and 26 hours more for
     * a person with no zone of their own whose sessions of one date are in conferences up to 26 hours apart
     * (UTC-12 to UTC+14), whose list goes at the earliest of their zones' moments.
     */
    public static Duration lookAhead(LocalTime dayBeforeAt, Duration soonBefore) {
        Duration forDay = Duration.ofDays(2).minus(Duration.ofSeconds(dayBeforeAt.toSecondOfDay())).plusHours(27);
        return forDay.compareTo(soonBefore) > 0 ? forDay : soonBefore;
    }

    /**
     * The soon reminders that may stay in the outbox while waiting to be sent: those due now, and those of sessions
     * that will be due within {@code margin}, so a node whose clock runs a little behind another's never withdraws
     * a reminder the other has just written.
     */
    public static List<String> soonKeysToKeep(Instant now, List<AgendaSession> sessions, Duration soonBefore,
                                              Duration margin) {
        return soon(now, sessions, soonBefore.plus(margin)).stream().map(DueReminder::key).toList();
    }

    /** Every reminder due at {@code now} for these agenda sessions (none cancelled), day reminders first. */
    public static List<DueReminder> due(Instant now, List<AgendaSession> sessions, LocalTime dayBeforeAt,
                                        Duration soonBefore) {
        List<DueReminder> due = new ArrayList<>(dayBefore(now, sessions, dayBeforeAt));
        due.addAll(soon(now, sessions, soonBefore));
        return due;
    }

    static List<DueReminder.DayBefore> dayBefore(Instant now, List<AgendaSession> sessions, LocalTime dayBeforeAt) {
        record PersonDay(long userId, LocalDate day) {
        }
        Map<PersonDay, List<AgendaSession>> byDay = new LinkedHashMap<>();
        for (AgendaSession session : sessions) {
            LocalDate day = session.startsAt().atZone(session.zone()).toLocalDate();
            byDay.computeIfAbsent(new PersonDay(session.userId(), day), k -> new ArrayList<>()).add(session);
        }
        List<DueReminder.DayBefore> due = new ArrayList<>();
        byDay.forEach((personDay, onDay) -> {
            // With no zone of their own, a person's sessions of one date may be in conferences of different zones:
            // the message goes at the earliest of their moments and lists them all.
            Instant from = onDay.stream().map(s -> personDay.day().minusDays(1).atTime(dayBeforeAt)
                    .atZone(s.zone()).toInstant()).min(Comparator.naturalOrder()).orElseThrow();
            Instant until = onDay.stream().map(s -> personDay.day().atStartOfDay(s.zone()).toInstant())
                    .min(Comparator.naturalOrder()).orElseThrow();
            if (!now.isBefore(from) && now.isBefore(until)) {
                List<AgendaSession> inOrder = onDay.stream()
                        .sorted(Comparator.comparing(AgendaSession::startsAt).thenComparing(AgendaSession::sessionId))
                        .toList();
                due.add(new DueReminder.DayBefore(personDay.userId(), onDay.getFirst().email(), personDay.day(),
                        inOrder));
            }
        });
        return due;
    }

    static List<DueReminder.Soon> soon(Instant now, List<AgendaSession> sessions, Duration soonBefore) {
        return sessions.stream()
                .filter(s -> !now.isBefore(s.startsAt().minus(soonBefore)) && now.isBefore(s.startsAt()))
                .map(DueReminder.Soon::new)
                .toList();
    }
}
