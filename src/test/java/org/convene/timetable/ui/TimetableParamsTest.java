package org.convene.timetable.ui;

import com.vaadin.flow.router.QueryParameters;
import org.convene.programme.AccessFeature;
import org.convene.programme.SessionFormat;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimetableParamsTest {

    @Test
    void every_choice_survives_a_round_trip_through_the_query_string() {
        TimetableParams params = new TimetableParams(LocalDate.of(2026, 11, 24), Set.of(3L, 1L),
                Set.of(SessionFormat.WORKSHOP, SessionFormat.PANEL), Set.of(7L),
                Set.of(AccessFeature.LIVE_CAPTIONS), "dementia & carers", ZoneChoice.BROWSER);

        String query = params.toQuery().getQueryString();
        TimetableParams read = TimetableParams.from(QueryParameters.fromString(query));

        assertThat(read).isEqualTo(params);
        assertThat(query).contains("day=2026-11-24", "track=1", "track=3", "format=WORKSHOP", "format=PANEL",
                "host=7", "access=LIVE_CAPTIONS", "tz=local");
    }

    @Test
    void comma_separated_lists_and_lower_case_names_are_understood() {
        TimetableParams read = TimetableParams.from(QueryParameters.fromString(
                "track=1,2&format=workshop,talk&access=live_captions&tz=Pacific/Auckland"));

        assertThat(read.tracks()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(read.formats()).containsExactlyInAnyOrder(SessionFormat.WORKSHOP, SessionFormat.TALK);
        assertThat(read.access()).containsExactly(AccessFeature.LIVE_CAPTIONS);
        assertThat(read.zone().explicitZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
    }

    @Test
    void values_that_cannot_be_read_are_left_out_instead_of_failing_the_page() {
        TimetableParams read = TimetableParams.from(QueryParameters.fromString(
                "day=tomorrow&track=abc&track=-1&format=CONCERT&host=9999999999999999999999&access=MAGIC&tz=Mars/Olympus"));

        assertThat(read.day()).isNull();
        assertThat(read.tracks()).isEmpty();
        assertThat(read.formats()).isEmpty();
        assertThat(read.hosts()).isEmpty();
        assertThat(read.access()).isEmpty();
        assertThat(read.zone()).isEqualTo(ZoneChoice.CONFERENCE);
        assertThat(read.isNarrowed()).isFalse();
    }

    @Test
    void clearing_filters_keeps_the_day_and_the_time_zone() {
        TimetableParams params = TimetableParams.from(QueryParameters.fromString(
                "day=2026-11-24&track=1&q=tea&tz=local"));

        TimetableParams cleared = params.withoutFilters();

        assertThat(cleared.toQuery().getParameters()).containsOnlyKeys("day", "tz");
        assertThat(cleared.isNarrowed()).isFalse();
    }
}
