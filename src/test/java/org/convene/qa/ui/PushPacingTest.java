package org.convene.qa.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PushPacingTest {

    @Test
    void a_new_question_after_a_quiet_spell_waits_only_long_enough_to_gather_a_burst() {
        assertThat(PushPacing.delay(Duration.ofSeconds(5), true, 2_000)).isEqualTo(PushPacing.GATHER);
    }

    @Test
    void questions_are_pushed_at_most_four_times_a_second_whatever_the_audience() {
        assertThat(PushPacing.delay(Duration.ofMillis(20), true, 10)).isEqualTo(Duration.ofMillis(230));
        assertThat(PushPacing.delay(Duration.ofMillis(20), true, 5_000)).isEqualTo(Duration.ofMillis(230));
    }

    @Test
    void vote_counts_slow_down_as_the_audience_grows_but_stay_within_two_seconds() {
        assertThat(PushPacing.votesInterval(10)).isEqualTo(Duration.ofMillis(250));
        assertThat(PushPacing.votesInterval(1_000)).isEqualTo(Duration.ofMillis(500));
        assertThat(PushPacing.votesInterval(2_000)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(PushPacing.votesInterval(100_000)).isEqualTo(PushPacing.VOTES_AT_MOST);
        assertThat(PushPacing.VOTES_AT_MOST).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void vote_counts_wait_for_the_rest_of_their_interval() {
        assertThat(PushPacing.delay(Duration.ofMillis(300), false, 2_000)).isEqualTo(Duration.ofMillis(700));
        assertThat(PushPacing.delay(Duration.ofSeconds(3), false, 2_000)).isEqualTo(PushPacing.GATHER);
    }
}
