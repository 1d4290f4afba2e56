package org.convene.core.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The one set of rules pages, email and calendar texts share for dates, times and zones. */
class ZoneTextsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void a_time_is_written_as_people_say_it() {
        assertThat(DateTexts.time(LocalTime.of(10, 0))).isEqualTo("10am");
        assertThat(DateTexts.time(LocalTime.of(10, 30))).isEqualTo("10.30am");
        assertThat(DateTexts.time(LocalTime.of(12, 0))).isEqualTo("midday");
        assertThat(DateTexts.time(LocalTime.of(14, 5))).isEqualTo("2.05pm");
        assertThat(DateTexts.time(LocalTime.of(0, 15))).isEqualTo("12.15am");
    }

    @Test
    void a_time_in_the_hour_that_repeats_when_the_clocks_go_back_carries_its_offset() {
        var first = LocalDateTime.of(2032, 10, 31, 1, 30).atZone(LONDON).withEarlierOffsetAtOverlap();

        assertThat(ZoneTexts.time(first)).isEqualTo("1.30am (UTC+1)");
        assertThat(ZoneTexts.time(first.withLaterOffsetAtOverlap())).isEqualTo("1.30am (UTC)");
        assertThat(ZoneTexts.time(first.plusHours(3))).isEqualTo("3.30am");
    }

    @Test
    void a_session_past_midnight_names_the_day_it_ends() {
        var start = LocalDateTime.of(2032, 11, 23, 23, 0).atZone(LONDON).toInstant();
        var end = LocalDateTime.of(2032, 11, 24, 0, 30).atZone(LONDON).toInstant();

        assertThat(ZoneTexts.dayAndRange(start, end, LONDON))
                .isEqualTo("Tuesday 23 November 2032, 11pm to 12.30am on Wednesday 24 November");
        assertThat(ZoneTexts.rangeOnDay(start, end, LONDON, LocalDate.of(2032, 11, 23)))
                .isEqualTo("11pm to 12.30am (Wednesday 24 November)");
    }

    @Test
    void a_time_read_from_far_away_names_its_local_date_when_it_is_not_the_conference_day() {
        var start = LocalDateTime.of(2032, 11, 23, 10, 0).atZone(LONDON).toInstant();

        assertThat(ZoneTexts.timeOnDay(start, AUCKLAND, LocalDate.of(2032, 11, 23)))
                .isEqualTo("11pm");
        assertThat(ZoneTexts.timeOnDay(start.plusSeconds(7200), AUCKLAND, LocalDate.of(2032, 11, 23)))
                .isEqualTo("1am (Wednesday 24 November)");
    }

    @Test
    void zones_are_named_as_people_know_them_with_the_exact_zone_beside() {
        assertThat(ZoneTexts.shortName(LONDON)).isEqualTo("UK time");
        assertThat(ZoneTexts.fullName(LONDON)).isEqualTo("UK time (Europe/London)");
        assertThat(ZoneTexts.fullName(AUCKLAND)).isEqualTo("New Zealand Time (Pacific/Auckland)");
    }
}
