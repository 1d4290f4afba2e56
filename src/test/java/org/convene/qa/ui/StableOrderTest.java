package org.convene.qa.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StableOrderTest {

    @Test
    void an_unchanged_order_keeps_every_item_in_place() {
        assertThat(StableOrder.staying(new long[] {1, 2, 3}, new long[] {1, 2, 3})).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void a_question_climbing_two_places_moves_alone() {
        assertThat(StableOrder.staying(new long[] {1, 2, 3, 4, 5}, new long[] {1, 4, 2, 3, 5}))
                .containsExactlyInAnyOrder(1L, 2L, 3L, 5L);
    }

    @Test
    void a_question_falling_two_places_moves_alone_instead_of_the_two_it_fell_past() {
        assertThat(StableOrder.staying(new long[] {1, 2, 3, 4, 5}, new long[] {1, 3, 4, 2, 5}))
                .containsExactlyInAnyOrder(1L, 3L, 4L, 5L);
    }

    @Test
    void new_items_arrive_and_gone_items_leave_without_moving_the_rest() {
        assertThat(StableOrder.staying(new long[] {1, 2, 3}, new long[] {9, 1, 3, 8}))
                .containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void a_reversed_list_keeps_only_one_item_in_place() {
        assertThat(StableOrder.staying(new long[] {1, 2, 3, 4}, new long[] {4, 3, 2, 1})).hasSize(1);
    }

    @Test
    void an_empty_list_keeps_nothing() {
        assertThat(StableOrder.staying(new long[] {}, new long[] {1, 2})).isEmpty();
        assertThat(StableOrder.staying(new long[] {1, 2}, new long[] {})).isEmpty();
    }
}
