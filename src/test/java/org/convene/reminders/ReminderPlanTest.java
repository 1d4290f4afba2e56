package org.convene.reminders;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPlanTest {

    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);
    private static final Duration FIFTEEN = Duration.ofMinutes(15);

    private static AgendaSession at(long id, String start, String conferenceZone, ZoneId chosen) {
        Instant starts = Instant.parse(start);
        return new AgendaSession(1, "a@example.org", chosen, id, "Session " + id, starts, starts.plusSeconds(3600),
                ZoneId.of(conferenceZone), Set.of(), true);
    }

    @Test
    void the_look_ahead_reaches_every_session_whose_day_before_list_may_be_due() {
        Duration ahead = ReminderPlan.lookAhead(FIVE_PM, FIFTEEN);
        // the list of Monday goes from 5pm Sunday; a session at 11.59pm Monday is 31 hours later
        assertThat(ahead).isGreaterThan(Duration.ofHours(31));
        assertThat(ReminderPlan.lookAhead(LocalTime.of(23, 0), Duration.ofHours(12)))
                .isGreaterThanOrEqualTo(Duration.ofHours(12));
    }

    @Test
    void one_list_goes_per_person_and_day_at_the_earliest_moment_of_its_sessions_zones() {
        // no zone of their own: a London session and an Auckland one, both on Monday 2 June 2031 in their zones
        AgendaSession auckland = at(1, "2031-06-01T22:00:00Z", "Pacific/Auckland", null);
        AgendaSession london = at(2, "2031-06-02T20:00:00Z", "Europe/London", null);

        // 5pm Sunday in Auckland (NZST, UTC+12) is 05:00 UTC Sunday
        List<DueReminder> due = ReminderPlan.due(Instant.parse("2031-06-01T05:00:00Z"), List.of(london, auckland),
                FIVE_PM, FIFTEEN);

        assertThat(due).singleElement().isInstanceOfSatisfying(DueReminder.DayBefore.class, day -> {
            assertThat(day.key()).isEqualTo("reminder-day:1:2031-06-02");
            assertThat(day.sessions()).extracting(AgendaSession::sessionId).containsExactly(1L, 2L);
        });
    }

    @Test
    void the_list_is_not_sent_after_midnight_when_tomorrow_would_be_wrong() {
        AgendaSession monday = at(1, "2031-06-02T09:00:00Z", "Europe/London", null);

        assertThat(ReminderPlan.due(Instant.parse("2031-06-01T22:59:00Z"), List.of(monday), FIVE_PM, FIFTEEN))
                .hasSize(1);
        assertThat(ReminderPlan.due(Instant.parse("2031-06-01T23:00:00Z"), List.of(monday), FIVE_PM, FIFTEEN))
                .isEmpty();
    }

    @Test
    void a_soon_reminder_waiting_for_a_session_about_to_be_due_is_kept_but_not_one_for_a_later_session() {
        AgendaSession soon = at(1, "2031-06-02T09:16:00Z", "Europe/London", null);
        AgendaSession later = at(2, "2031-06-02T10:00:00Z", "Europe/London", null);
        Instant now = Instant.parse("2031-06-02T09:00:00Z");

        assertThat(ReminderPlan.soonKeysToKeep(now, List.of(soon, later), FIFTEEN, Duration.ofMinutes(2)))
                .containsExactly(new DueReminder.Soon(soon).key());
        assertThat(ReminderPlan.due(now, List.of(soon, later), FIVE_PM, FIFTEEN))
                .noneMatch(DueReminder.Soon.class::isInstance);
    }
}
