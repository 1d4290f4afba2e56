package org.convene.qa.ui;

import org.convene.qa.ModerationBoard;
import org.convene.qa.QaSettings;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The moderation page's orders and arrivals, without a page. */
class ModerationListsTest {

    private static final long SESSION = 7;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static QuestionView question(long id, QuestionState state, int votes, boolean pinned, long askedAt,
                                         long updatedAt) {
        return new QuestionView(id, SESSION, "Question " + id, "Asker", false, null, state, pinned, votes,
                T0.plusSeconds(askedAt), T0.plusSeconds(updatedAt), null, null, List.of());
    }

    private static ModerationBoard board(QuestionView... questions) {
        return new ModerationBoard(SESSION, 1, new QaSettings(SESSION, true, true, true), List.of(questions), Map.of());
    }

    private static final ModerationBoard BOARD = board(
            question(1, QuestionState.PENDING, 0, false, 30, 30),
            question(2, QuestionState.PENDING, 0, false, 10, 10),
            question(3, QuestionState.APPROVED, 5, false, 1, 1),
            question(4, QuestionState.ANSWERED, 9, false, 2, 2),
            question(5, QuestionState.APPROVED, 1, true, 3, 3),
            question(6, QuestionState.APPROVED, 5, false, 0, 0),
            question(7, QuestionState.DISMISSED, 0, false, 4, 50),
            question(8, QuestionState.MERGED, 0, false, 5, 60));

    @Test
    void waiting_questions_are_oldest_first() {
        assertThat(ModerationLists.waiting(BOARD)).extracting(QuestionView::id).containsExactly(2L, 1L);
    }

    @Test
    void public_questions_put_the_stage_first_then_open_ones_by_votes_then_answered() {
        assertThat(ModerationLists.visible(BOARD)).extracting(QuestionView::id).containsExactly(5L, 6L, 3L, 4L);
    }

    @Test
    void handled_questions_are_the_most_recently_handled_first() {
        assertThat(ModerationLists.handled(BOARD)).extracting(QuestionView::id).containsExactly(8L, 7L);
    }

    @Test
    void only_questions_new_to_the_board_and_waiting_are_announced() {
        ModerationBoard before = board(question(1, QuestionState.APPROVED, 0, false, 1, 1));
        ModerationBoard next = board(question(1, QuestionState.PENDING, 0, false, 1, 1),
                question(2, QuestionState.PENDING, 0, false, 2, 2), question(3, QuestionState.APPROVED, 0, false, 3, 3));

        assertThat(ModerationLists.newlyWaiting(before, next)).extracting(Announcements.Item::sentence)
                .containsExactly("New question waiting for approval: Question 2");
    }

    @Test
    void a_question_merges_only_into_other_open_answered_or_waiting_questions_labelled_with_their_state() {
        QuestionView merging = BOARD.questions().get(2);

        assertThat(ModerationLists.mergeTargets(BOARD, merging).stream().map(ModerationLists::mergeLabel))
                .containsExactly("Question 6 (5 votes)", "Question 4 (9 votes, answered)", "Question 5 (1 vote)",
                        "Question 2 (0 votes, waiting for approval)", "Question 1 (0 votes, waiting for approval)");
    }
}
