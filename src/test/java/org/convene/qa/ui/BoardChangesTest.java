package org.convene.qa.ui;

import org.convene.qa.MyQuestion;
import org.convene.qa.QaBoard;
import org.convene.qa.QaSettings;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the Q&A panel says and counts between two boards, without a page. */
class BoardChangesTest {

    private static final long SESSION = 7;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final QaSettings OPEN = new QaSettings(SESSION, true, false, true);

    private static QuestionView question(long id, QuestionState state, int votes, boolean pinned,
                                         List<ReplyView> replies) {
        return new QuestionView(id, SESSION, "Question " + id, "Asker", false, null, state, pinned, votes,
                T0.plusSeconds(id), T0.plusSeconds(id), null, null, replies);
    }

    private static QuestionView question(long id) {
        return question(id, QuestionState.APPROVED, 0, false, List.of());
    }

    private static QaBoard board(List<QuestionView> questions, List<QuestionView> mine) {
        return new QaBoard(SESSION, 1, OPEN, questions, mine.stream().map(MyQuestion::new).toList(), Set.of(),
                true, false, false);
    }

    @Test
    void new_questions_answers_the_stage_and_replies_are_said_in_the_order_asked_but_votes_never() {
        ReplyView reply = new ReplyView(50, "Fay", "Yes, on Friday.", T0);
        QaBoard before = board(List.of(question(1), question(2), question(3)), List.of());
        QaBoard after = board(List.of(question(4), question(3, QuestionState.APPROVED, 9, false, List.of()),
                question(2, QuestionState.APPROVED, 0, true, List.of(reply)),
                question(1, QuestionState.ANSWERED, 0, false, List.of())), List.of());

        assertThat(BoardChanges.publicChanges(before, after))
                .extracting(Announcements.Item::kind, Announcements.Item::sentence).containsExactly(
                        tuple(Announcements.Kind.ANSWERED, "Answered: Question 1"),
                        tuple(Announcements.Kind.ON_STAGE, "On stage now: Question 2"),
                        tuple(Announcements.Kind.REPLY, "Fay replied to “Question 2”: Yes, on Friday."),
                        tuple(Announcements.Kind.NEW_QUESTION, "New question: Question 4"));
    }

    @Test
    void votes_alone_leave_nothing_to_say_but_an_answer_the_stage_or_a_reply_in_the_same_places_do() {
        ReplyView reply = new ReplyView(50, "Fay", "Yes, on Friday.", T0);
        List<QuestionView> before = List.of(question(1), question(2));

        assertThat(BoardChanges.nothingToSay(before, List.of(question(1, QuestionState.APPROVED, 5, false, List.of()),
                question(2, QuestionState.APPROVED, 3, false, List.of())))).isTrue();
        assertThat(BoardChanges.nothingToSay(before, List.of(question(1, QuestionState.ANSWERED, 0, false, List.of()),
                question(2)))).isFalse();
        assertThat(BoardChanges.nothingToSay(before, List.of(question(1), question(2, QuestionState.APPROVED, 0, true,
                List.of())))).isFalse();
        assertThat(BoardChanges.nothingToSay(before, List.of(question(1), question(2, QuestionState.APPROVED, 0, false,
                List.of(reply))))).isFalse();
        assertThat(BoardChanges.nothingToSay(before, List.of(question(2), question(1)))).isFalse();
        assertThat(BoardChanges.nothingToSay(before, List.of(question(1), question(2), question(3)))).isFalse();
    }

    @Test
    void a_new_question_the_page_does_not_show_is_said_with_what_to_do_to_see_it() {
        QaBoard before = board(List.of(question(1)), List.of());
        QaBoard after = board(List.of(question(1), question(2), question(3)), List.of());

        assertThat(BoardChanges.publicChanges(before, after, id -> id == 3, "sort by newest"))
                .extracting(Announcements.Item::kind, Announcements.Item::sentence).containsExactly(
                        tuple(Announcements.Kind.NEW_NOT_SHOWN,
                                "New question: Question 2 (not in the list shown: sort by newest to see it)"),
                        tuple(Announcements.Kind.NEW_QUESTION, "New question: Question 3"));
    }

    @Test
    void my_vote_is_counted_on_the_shared_list_without_copying_it() {
        List<QuestionView> shared = List.of(question(1), question(2), question(3));
        QaBoard voted = BoardChanges.withMyVote(board(shared, List.of()), 2, true);
        QaBoard back = BoardChanges.withMyVote(voted, 2, false);

        assertThat(voted.questions()).extracting(QuestionView::votes).containsExactly(0, 1, 0);
        assertThat(voted.questions().get(0)).isSameAs(shared.get(0));
        assertThat(back.questions()).isEqualTo(shared);
    }

    @Test
    void my_own_questions_are_said_only_to_me_and_not_when_just_asked() {
        QuestionView pending = question(5, QuestionState.PENDING, 0, false, List.of());
        QaBoard before = board(List.of(), List.of(pending));
        QaBoard after = board(List.of(question(5)), List.of(question(5), question(6)));

        assertThat(BoardChanges.publicChanges(before, after)).isEmpty();
        assertThat(BoardChanges.changesToMine(before, after)).extracting(Announcements.Item::sentence)
                .containsExactly("Your question was approved. Everyone can see it now.");
    }

    @Test
    void the_paused_list_counts_new_gone_and_changed_questions_votes_included() {
        QaBoard before = board(List.of(question(1), question(2), question(3)), List.of());
        QaBoard after = board(List.of(question(1), question(2, QuestionState.APPROVED, 1, false, List.of()),
                question(4)), List.of());

        assertThat(BoardChanges.countChanges(before, after)).isEqualTo(3);
        assertThat(BoardChanges.countChanges(before, before)).isZero();
    }

    @Test
    void my_vote_counts_at_once_and_twice_the_same_way_changes_nothing() {
        QaBoard board = board(List.of(question(1), question(2)), List.of());

        QaBoard voted = BoardChanges.withMyVote(board, 2, true);

        assertThat(voted.myVotes()).containsExactly(2L);
        assertThat(voted.questions()).extracting(QuestionView::votes).containsExactly(0, 1);
        assertThat(BoardChanges.withMyVote(voted, 2, true)).isSameAs(voted);
        assertThat(BoardChanges.withMyVote(voted, 2, false).questions()).extracting(QuestionView::votes)
                .containsExactly(0, 0);
    }

    @Test
    void a_board_differing_only_in_what_this_reader_cannot_see_is_the_same_for_them() {
        QaBoard board = board(List.of(question(1)), List.of());
        QaBoard laterSeq = new QaBoard(SESSION, 2, OPEN, board.questions(), List.of(), Set.of(), true, false, false);

        assertThat(BoardChanges.sameForThisReader(board, laterSeq)).isTrue();
        assertThat(BoardChanges.sameForThisReader(board, BoardChanges.withMyVote(board, 1, true))).isFalse();
    }
}
