package org.convene.qa.ui;

import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SharedListsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SharedLists shared = new SharedLists();
    private final AtomicInteger computed = new AtomicInteger();

    private QuestionList.Transition step(QuestionList.ListState from, List<QuestionView> questions) {
        return shared.transition(from, questions, QuestionSort.VOTES, LONDON, () -> {
            computed.incrementAndGet();
            return new QuestionList.Transition(new QuestionList.ListState(List.of(), new HashMap<>()), List.of(),
                    null, null);
        });
    }

    @Test
    void the_change_from_one_state_to_the_next_board_is_worked_out_once_for_every_page() {
        List<QuestionView> board = new ArrayList<>();

        QuestionList.Transition first = step(QuestionList.ListState.EMPTY, board);
        QuestionList.Transition second = step(QuestionList.ListState.EMPTY, board);

        assertThat(computed).hasValue(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void pages_that_reached_the_same_board_by_different_steps_end_in_one_state() {
        List<QuestionView> older = new ArrayList<>();
        List<QuestionView> newest = new ArrayList<>();
        QuestionList.ListState atOlder = step(QuestionList.ListState.EMPTY, older).after();

        QuestionList.ListState direct = step(QuestionList.ListState.EMPTY, newest).after();
        QuestionList.ListState viaOlder = step(atOlder, newest).after();

        assertThat(viaOlder).isSameAs(direct);
    }

    @Test
    void boards_are_told_apart_by_identity_not_by_contents() {
        step(QuestionList.ListState.EMPTY, new ArrayList<>());
        step(QuestionList.ListState.EMPTY, new ArrayList<>());

        // two reads of the same questions are two boards: comparing contents would cost what sharing saves
        assertThat(computed).hasValue(2);
    }

    @Test
    void it_keeps_a_bounded_number_of_entries() {
        for (int i = 0; i < SharedLists.MOST_KEPT * 2; i++) {
            step(QuestionList.ListState.EMPTY, new ArrayList<>());
        }

        assertThat(shared.size()).isLessThanOrEqualTo(SharedLists.MOST_KEPT);
    }
}
