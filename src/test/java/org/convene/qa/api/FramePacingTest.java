package org.convene.qa.api;

import org.convene.qa.QaEvent;
import org.convene.qa.QaStream;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FramePacingTest {

    private final FramePacing pacing = new FramePacing(200, 50);

    @Test
    void a_question_change_follows_the_last_frame_sooner_than_vote_counts_do() {
        assertThat(pacing.dueAt(1_000, 0, true)).isEqualTo(1_050);
        assertThat(pacing.dueAt(1_000, 0, false)).isEqualTo(1_200);
    }

    @Test
    void a_question_waits_half_as_long_as_the_last_hand_off_took_and_at_least_the_short_interval() {
        assertThat(pacing.dueAt(1_000, 60, true)).isEqualTo(1_050);
        assertThat(pacing.dueAt(1_000, 140, true)).isEqualTo(1_070);
        assertThat(pacing.dueAt(1_000, 400, true)).as("fewer, fuller frames for a large audience").isEqualTo(1_200);
    }

    @Test
    void vote_counts_wait_half_as_long_again_as_the_last_hand_off_took_and_at_least_the_frame_interval() {
        assertThat(pacing.dueAt(1_000, 100, false)).isEqualTo(1_200);
        assertThat(pacing.dueAt(1_000, 400, false)).isEqualTo(1_600);
    }

    @Test
    void a_question_never_waits_longer_than_vote_counts_would() {
        for (long handOff = 0; handOff <= 10_000; handOff += 7) {
            assertThat(pacing.dueAt(1_000, handOff, true)).isLessThanOrEqualTo(pacing.dueAt(1_000, handOff, false));
        }
    }

    @Test
    void only_vote_counts_are_not_a_question_change() {
        QaEvent votes = event(QaEvent.VOTES);
        assertThat(FramePacing.changesQuestions(List.of(votes, votes))).isFalse();
        assertThat(FramePacing.changesQuestions(List.of(votes, event(QaEvent.CREATED)))).isTrue();
        assertThat(FramePacing.changesQuestions(List.of(event(QaEvent.SETTINGS)))).isTrue();
        assertThat(FramePacing.changesQuestions(List.of())).isFalse();
    }

    private static QaEvent event(String type) {
        return new QaEvent(1, QaStream.PUBLIC, 1, type, null, type.equals(QaEvent.VOTES) ? Map.of(1L, 2) : null);
    }
}
