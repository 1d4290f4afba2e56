package org.convene.notifications;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class MailTimesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void a_time_is_written_as_people_say_it() {
        assertThat(MailTimes.time(LocalTime.of(10, 0))).isEqualTo("10am");
        assertThat(MailTimes.time(LocalTime.of(10, 30))).isEqualTo("10.30am");
        assertThat(MailTimes.time(LocalTime.of(12, 0))).isEqualTo("midday");
        assertThat(MailTimes.time(LocalTime.of(14, 5))).isEqualTo("2.05pm");
        assertThat(MailTimes.time(LocalTime.of(0, 15))).isEqualTo("12.15am");
    }

    @Test
    void a_session_is_its_day_its_times_and_the_zone_they_are_in() {
        var start = LocalDateTime.of(2032, 11, 23, 10, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2032, 11, 23, 11, 30).atZone(LONDON).toInstant();

        assertThat(MailTimes.when(start, end, LONDON))
                .isEqualTo("Tuesday 23 November 2032, 10am to 11.30am (UK time)");
    }

    @Test
    void the_same_moment_elsewhere_is_written_in_that_zone_with_its_name() {
        var start = LocalDateTime.of(2032, 11, 23, 10, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2032, 11, 23, 11, 0).atZone(LONDON).toInstant();

        assertThat(MailTimes.when(start, end, NEW_YORK))
                .startsWith("Tuesday 23 November 2032, 5am to 6am (")
                .endsWith(", America/New_York)");
    }

    @Test
    void a_session_past_midnight_names_the_day_it_ends() {
        var start = LocalDateTime.of(2032, 11, 23, 23, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2032, 11, 24, 0, 30).atZone(LONDON).toInstant();

        assertThat(MailTimes.when(start, end, LONDON))
                .isEqualTo("Tuesday 23 November 2032, 11pm to 12.30am on Wednesday 24 November (UK time)");
    }

    @Test
    void a_time_in_the_hour_that_repeats_when_the_clocks_go_back_carries_its_offset() {
        // 31 October 2032: 1.30am happens twice in London, first in summer time (UTC+1), then in UTC
        var first = LocalDateTime.of(2032, 10, 31, 1, 30).atZone(LONDON).withEarlierOffsetAtOverlap();
        var second = first.withLaterOffsetAtOverlap();

        assertThat(MailTimes.time(first)).isEqualTo("1.30am, UTC+1");
        assertThat(MailTimes.time(second)).isEqualTo("1.30am, UTC");
    }
}
