package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A list whose items keep their components across refreshes: an item that changed is updated in place, and
 * only items that really moved are moved. Rebuilding the list on every live update would throw away the
 * keyboard focus of someone on a vote button, and make a screen reader lose its place.
 */
final class KeyedList<T, C extends Component> {

    private final HasComponents container;
    private final ToLongFunction<T> key;
    private final Function<T, C> create;
    private final BiConsumer<C, T> update;
    private final Map<Long, C> shown = new HashMap<>();
    /** The keys in the order shown, as the container has them. */
    private final List<Long> order = new ArrayList<>();

    KeyedList(HasComponents container, ToLongFunction<T> key, Function<T, C> create, BiConsumer<C, T> update) {
        this.container = container;
        this.key = key;
        this.create = create;
        this.update = update;
    }

    /**
     * Shows the items in this order; returns whether any item already shown had to move. Only the fewest items
     * move ({@link StableOrder}), and the page's elements are never asked for their children: the order shown is
     * kept here, because reading it from the element tree costs more than the update itself on a busy page.
     */
    boolean show(List<T> items) {
        List<Long> wantedOrder = new ArrayList<>(items.size());
        items.forEach(item -> wantedOrder.add(key.applyAsLong(item)));
        Set<Long> wanted = new HashSet<>(wantedOrder);
        boolean removed = false;
        for (Iterator<Long> it = order.iterator(); it.hasNext(); ) {
            long id = it.next();
            if (!wanted.contains(id)) {
                container.remove(Objects.requireNonNull(shown.remove(id), "every key in the order is shown"));
                it.remove();
                removed = true;
            }
        }
        Set<Long> staying = order.equals(wantedOrder) ? wanted : StableOrder.staying(order, wantedOrder);
        boolean moved = false;
        for (long id : order) {
            if (!staying.contains(id)) {
                container.remove(Objects.requireNonNull(shown.get(id), "every key in the order is shown"));
                moved = true;
            }
        }
        int index = 0;
        for (T item : items) {
            long id = key.applyAsLong(item);
            C component = shown.get(id);
            if (component == null) {
                component = create.apply(item);
                shown.put(id, component);
            }
            update.accept(component, item);
            if (!staying.contains(id)) {
                // everything before index is in place, and the items staying keep their order after it
                container.addComponentAtIndex(index, component);
            }
            index++;
        }
        order.clear();
        order.addAll(wantedOrder);
        if (moved) {
            restoreFocus((Component) container);
        }
        return moved;
    }

    /** The component showing the item with this key, or null when it is not shown. */
    @Nullable C shown(long key) {
        return shown.get(key);
    }

    /**
     * A moved element leaves the DOM for a moment and the browser drops its focus to the page body, so a
     * keyboard user who just voted would be thrown to the top of the page when the question climbs. The browser
     * remembers the last focused element; if focus has fallen to the body and that element is still in the list,
     * it gets focus back. Focus the person has since moved elsewhere is left alone.
     */
    static void restoreFocus(Component container) {
        container.getElement().executeJs("""
                const last = window.cvLastFocused;
                if (!last || (document.activeElement && document.activeElement !== document.body)) {
                    return;
                }
                if (last.isConnected && this.contains(last)) {
                    last.focus();
                }""");
    }

    /** Remembers the last focused element of the page, for {@link #restoreFocus}; installed once per page. */
    static void trackFocus(Component anyComponent) {
        anyComponent.getElement().executeJs("""
                if (!window.cvFocusTracked) {
                    window.cvFocusTracked = true;
                    document.addEventListener('focusin', e => window.cvLastFocused = e.target);
                }""");
    }

    @Nullable C get(long id) {
        return shown.get(id);
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }
}
