package org.convene.qa;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared board on its own: events applied in order, without Spring or a database. */
class LiveBoardTest {

    private static final long SESSION = 7;
    private static final long ASKER = 100;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final QaSettings OPEN = QaSettings.defaults(SESSION);

    private final LiveBoard empty = LiveBoard.of(SESSION, 0, 0, OPEN, T0.plusSeconds(3600), List.of(), Map.of());

    private static QuestionView question(long id, QuestionState state, int votes, String dismissReason) {
        return new QuestionView(id, SESSION, "Question " + id, "Asker", false, null, state, false, votes,
                T0.plusSeconds(id), T0.plusSeconds(id), dismissReason, null, List.of());
    }

    private static QaEvent event(long seq, String type, QuestionView q) {
        return new QaEvent(SESSION, QaStream.MODERATION, seq, type, q, null);
    }

    private static QaEvent votes(long seq, Map<Long, Integer> counts) {
        return new QaEvent(SESSION, QaStream.MODERATION, seq, QaEvent.VOTES, null, counts);
    }

    @Test
    void a_pending_question_is_only_in_its_authors_own_list_until_it_is_approved() {
        LiveBoard board = empty.apply(List.of(event(1, QaEvent.CREATED, question(1, QuestionState.PENDING, 0, null))),
                Map.of(1L, ASKER), OPEN, 0);

        assertThat(board.publicQuestions()).isEmpty();
        assertThat(board.mine(ASKER)).extracting(QuestionView::id).containsExactly(1L);
        assertThat(board.mine(ASKER + 1)).isEmpty();

        LiveBoard approved = board.apply(List.of(event(2, QaEvent.UPDATED, question(1, QuestionState.APPROVED, 0, null))),
                Map.of(1L, ASKER), OPEN, 1);
        assertThat(approved.publicQuestions()).extracting(QuestionView::id).containsExactly(1L);
        assertThat(approved.moderationSeq()).isEqualTo(2);
        assertThat(approved.publicSeq()).isEqualTo(1);
    }

    @Test
    void a_dismissal_reason_reaches_the_asker_but_never_the_public_list() {
        LiveBoard board = empty.apply(List.of(
                event(1, QaEvent.CREATED, question(1, QuestionState.APPROVED, 0, null)),
                event(2, QaEvent.UPDATED, question(1, QuestionState.DISMISSED, 0, "Off topic"))), Map.of(1L, ASKER), OPEN, 2);

        assertThat(board.publicQuestions()).isEmpty();
        assertThat(board.mine(ASKER)).singleElement().extracting(QuestionView::dismissReason).isEqualTo("Off topic");
    }

    @Test
    void vote_counts_change_the_counts_but_not_the_questions_version() {
        LiveBoard asked = empty.apply(List.of(event(1, QaEvent.CREATED, question(1, QuestionState.APPROVED, 0, null))),
                Map.of(1L, ASKER), OPEN, 1);
        LiveBoard voted = asked.apply(List.of(votes(2, Map.of(1L, 5))), Map.of(), OPEN, 2);

        assertThat(voted.publicQuestions()).singleElement().extracting(QuestionView::votes).isEqualTo(5);
        assertThat(voted.questionsVersion()).isEqualTo(asked.questionsVersion());
        assertThat(voted.questionsChangedSince(asked)).isFalse();
        assertThat(asked.questionsChangedSince(empty)).isTrue();
    }

    @Test
    void events_already_in_the_board_are_skipped_and_a_missing_one_is_refused() {
        LiveBoard board = empty.apply(List.of(event(1, QaEvent.CREATED, question(1, QuestionState.APPROVED, 0, null))),
                Map.of(), OPEN, 1);

        assertThat(board.apply(List.of(event(1, QaEvent.CREATED, question(1, QuestionState.APPROVED, 0, null))),
                Map.of(), OPEN, 1)).isSameAs(board);
        assertThatThrownBy(() -> board.apply(List.of(event(3, QaEvent.CREATED, question(2, QuestionState.APPROVED, 0, null))),
                Map.of(), OPEN, 1)).isInstanceOf(LiveBoard.GapException.class);
    }

    @Test
    void each_order_is_sorted_once_and_shared() {
        LiveBoard board = empty.apply(List.of(
                event(1, QaEvent.CREATED, question(1, QuestionState.APPROVED, 1, null)),
                event(2, QaEvent.CREATED, question(2, QuestionState.APPROVED, 3, null))), Map.of(), OPEN, 2);
        var byVotes = java.util.Comparator.comparingInt(QuestionView::votes).reversed();

        assertThat(board.publicQuestions(byVotes)).extracting(QuestionView::id).containsExactly(2L, 1L);
        assertThat(board.publicQuestions(byVotes)).isSameAs(board.publicQuestions(byVotes));
    }

    @Test
    void a_settings_change_makes_a_new_board_even_without_question_events() {
        QaSettings closed = new QaSettings(SESSION, false, false, true);
        LiveBoard board = empty.apply(List.of(new QaEvent(SESSION, QaStream.MODERATION, 1, QaEvent.SETTINGS, null, null)),
                Map.of(), closed, 1);

        assertThat(board.settings().open()).isFalse();
        assertThat(board.questionsChangedSince(empty)).isTrue();
    }
}
