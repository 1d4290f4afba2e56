package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's items keep their components, and a reorder moves as few of them as it can. */
class KeyedListTest {

    /** Counts the moves the list makes on the page. */
    static final class Container extends Div {
        final List<String> removed = new ArrayList<>();

        @Override
        public void remove(Component... components) {
            for (Component c : components) {
                removed.add(((Span) c).getText());
            }
            super.remove(components);
        }

        List<String> texts() {
            return getChildren().map(c -> ((Span) c).getText()).toList();
        }
    }

    private final Container container = new Container();
    private final KeyedList<Long, Span> list = new KeyedList<>(container, id -> id, id -> new Span(),
            (span, id) -> span.setText("q" + id));

    @Test
    void a_question_climbing_to_the_top_is_the_only_item_moved() {
        list.show(List.of(1L, 2L, 3L, 4L, 5L));
        container.removed.clear();

        boolean moved = list.show(List.of(5L, 1L, 2L, 3L, 4L));

        assertThat(moved).isTrue();
        assertThat(container.texts()).containsExactly("q5", "q1", "q2", "q3", "q4");
        assertThat(container.removed).containsExactly("q5");
    }

    @Test
    void a_question_falling_below_two_others_is_the_only_item_moved() {
        list.show(List.of(1L, 2L, 3L, 4L));
        container.removed.clear();

        list.show(List.of(2L, 3L, 1L, 4L));

        assertThat(container.texts()).containsExactly("q2", "q3", "q1", "q4");
        assertThat(container.removed).containsExactly("q1");
    }

    @Test
    void items_arrive_and_leave_in_place_and_keep_their_components() {
        list.show(List.of(1L, 2L, 3L));
        Component two = container.getChildren().toList().get(1);
        container.removed.clear();

        boolean moved = list.show(List.of(7L, 2L, 3L, 8L));

        assertThat(moved).isFalse();
        assertThat(container.texts()).containsExactly("q7", "q2", "q3", "q8");
        assertThat(container.removed).containsExactly("q1");
        assertThat(container.getChildren().toList().get(1)).isSameAs(two);
    }

    @Test
    void the_same_order_again_touches_nothing() {
        list.show(List.of(1L, 2L, 3L));
        container.removed.clear();

        assertThat(list.show(List.of(1L, 2L, 3L))).isFalse();
        assertThat(container.removed).isEmpty();
    }
}
