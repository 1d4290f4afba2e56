package org.convene.reminders;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.agenda.CalendarService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar feed's alarm: off unless the feed's owner turns it on in their account. */
@IntegrationTest
class CalendarAlarmsTest {

    @Autowired
    TestData data;
    @Autowired
    AgendaService agenda;
    @Autowired
    CalendarService calendars;
    @Autowired
    ReminderSettingsService settings;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_feed_carries_an_alarm_fifteen_minutes_before_each_session_only_for_people_who_asked() {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 8));
        long session = data.session(conference, "Alarm test", Instant.parse("2031-07-07T09:00:00Z"),
                Instant.parse("2031-07-07T10:00:00Z"));
        ConveneUser wantsAlarm = data.user();
        ConveneUser noAlarm = data.user();
        AccountFixtures.actAs(wantsAlarm);
        agenda.add(session);
        settings.save(new ReminderSettings(null, true));
        String alarmFeed = calendars.renewFeed();
        AccountFixtures.actAs(noAlarm);
        agenda.add(session);
        String plainFeed = calendars.renewFeed();
        SecurityContextHolder.clearContext();

        assertThat(calendars.feedCalendar(alarmFeed).orElseThrow())
                .contains("BEGIN:VALARM", "TRIGGER:-PT15M", "ACTION:DISPLAY", "DESCRIPTION:Starts in 15 minutes: Alarm test");
        assertThat(calendars.feedCalendar(plainFeed).orElseThrow()).doesNotContain("VALARM");
        // a single session's public calendar is the same for everyone, so it never carries anyone's alarm
        assertThat(calendars.sessionCalendar(session).orElseThrow()).doesNotContain("VALARM");
    }
}
