package org.convene.qa.ui;

import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which part of a big session's questions one page shows, without a page. */
class QuestionWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** Question n was asked n seconds after T0; votes as given. */
    private static QuestionView question(long id, int votes) {
        return new QuestionView(id, 7, "Question " + id, "Asker", false, null, QuestionState.APPROVED, false, votes,
                T0.plusSeconds(id), T0.plusSeconds(id), null, null, List.of());
    }

    /** Questions 1 to n, oldest first; question i has (n - i) % 7 votes, so the newest are rarely on top. */
    private static List<QuestionView> questions(int n) {
        return LongStream.rangeClosed(1, n).mapToObj(id -> question(id, (int) ((n - id) % 7))).toList();
    }

    private static QuestionWindow window(List<QuestionView> oldestFirst, int limit, QuestionSort sort) {
        return QuestionWindow.of(oldestFirst.stream().sorted(sort.order).toList(), oldestFirst, limit, sort);
    }

    private static List<Long> ids(List<QuestionView> questions) {
        return questions.stream().map(QuestionView::id).toList();
    }

    @Test
    void sorted_by_newest_a_page_shows_only_the_newest_up_to_its_limit() {
        QuestionWindow window = window(questions(60), QuestionWindow.PAGE_SIZE, QuestionSort.NEWEST);

        assertThat(ids(window.shown())).hasSize(20).startsWith(60L, 59L).endsWith(41L);
        assertThat(window.justAsked()).isEmpty();
        assertThat(window.hidden()).isEqualTo(40);
        assertThat(window.status()).isEqualTo("Showing 20 of 60 questions.");
        assertThat(window.nextStep(QuestionWindow.PAGE_SIZE)).isEqualTo(20);
    }

    @Test
    void sorted_by_votes_the_top_is_followed_by_the_newest_questions_that_are_not_in_it() {
        List<QuestionView> all = questions(60);
        QuestionWindow window = window(all, QuestionWindow.PAGE_SIZE, QuestionSort.VOTES);

        assertThat(window.top()).hasSize(20).allMatch(q -> q.votes() >= 3);
        // the five newest have 0 to 4 votes, below the top (4 to 6 votes, oldest first): kept in view as just asked
        assertThat(ids(window.justAsked())).containsExactly(60L, 59L, 58L, 57L, 56L);
        assertThat(window.shownCount()).isEqualTo(25);
        assertThat(window.status())
                .isEqualTo("Showing 25 of 60 questions: the 20 with the most votes, then the 5 newest.");
        assertThat(window.shownIds()).hasSize(25).contains(60L);
    }

    @Test
    void a_newest_question_already_in_the_top_is_not_shown_twice() {
        List<QuestionView> all = new java.util.ArrayList<>(questions(30));
        all.set(29, question(30, 99));
        QuestionWindow window = window(all, QuestionWindow.PAGE_SIZE, QuestionSort.VOTES);

        assertThat(ids(window.top())).startsWith(30L);
        assertThat(ids(window.justAsked())).doesNotContain(30L).hasSizeLessThanOrEqualTo(4);
        assertThat(ids(window.shown())).doesNotHaveDuplicates();
    }

    @Test
    void a_small_session_is_shown_whole_with_a_plain_count() {
        QuestionWindow window = window(questions(3), QuestionWindow.PAGE_SIZE, QuestionSort.VOTES);

        assertThat(window.shown()).hasSize(3);
        assertThat(window.justAsked()).isEmpty();
        assertThat(window.status()).isEqualTo("3 questions.");
        assertThat(window.nextStep(QuestionWindow.PAGE_SIZE)).isZero();
        assertThat(window(questions(1), 20, QuestionSort.NEWEST).status()).isEqualTo("1 question.");
    }

    @Test
    void show_more_adds_a_page_at_a_time_up_to_the_most_a_page_shows() {
        assertThat(QuestionWindow.raised(20)).isEqualTo(40);
        assertThat(QuestionWindow.raised(190)).isEqualTo(QuestionWindow.MOST_SHOWN);
        assertThat(QuestionWindow.raised(QuestionWindow.MOST_SHOWN)).isEqualTo(QuestionWindow.MOST_SHOWN);

        List<QuestionView> all = questions(250);
        assertThat(window(all, 180, QuestionSort.NEWEST).nextStep(180)).isEqualTo(20);
        QuestionWindow full = window(all, QuestionWindow.MOST_SHOWN, QuestionSort.NEWEST);
        assertThat(full.shown()).hasSize(200);
        assertThat(full.nextStep(QuestionWindow.MOST_SHOWN)).isZero();
        assertThat(full.atMost(QuestionWindow.MOST_SHOWN)).isTrue();
        // the last step is only as big as what is left
        assertThat(window(questions(47), 40, QuestionSort.NEWEST).nextStep(40)).isEqualTo(7);
    }
}
