package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Where focus goes when the focused item leaves the list; none: the list never takes focus back. */
    private @Nullable Component focusFallback;

    KeyedList(HasComponents container, ToLongFunction<T> key, Function<T, C> create, BiConsumer<C, T> update) {
        this.container = container;
        this.key = key;
        this.create = create;
        this.update = update;
    }

    /**
     * For a list that shows only part of what there is: when the item that has focus leaves the list, focus moves
     * here (a heading with tabindex -1, say) instead of falling to the top of the page.
     */
    void setFocusFallback(Component fallback) {
        this.focusFallback = fallback;
    }

    /** Shows the items in this order; returns whether any item already shown had to move. */
    boolean show(List<T> items) {
        boolean moved = false;
        Set<Long> wanted = new HashSet<>();
        items.forEach(item -> wanted.add(key.applyAsLong(item)));
        int before = shown.size();
        shown.entrySet().removeIf(entry -> {
            if (!wanted.contains(entry.getKey())) {
                container.remove(entry.getValue());
                return true;
            }
            return false;
        });
        boolean removed = shown.size() < before;
        int index = 0;
        for (T item : items) {
            long id = key.applyAsLong(item);
            C component = shown.get(id);
            if (component == null) {
                component = create.apply(item);
                shown.put(id, component);
            }
            update.accept(component, item);
            var element = ((Component) container).getElement();
            boolean inPlace = index < element.getChildCount() && element.getChild(index).equals(component.getElement());
            if (!inPlace) {
                // everything before index is already in order, so this item is after it (or new)
                if (component.getParent().isPresent()) {
                    container.remove(component);
                    moved = true;
                }
                container.addComponentAtIndex(index, component);
            }
            index++;
        }
        if (moved || (removed && focusFallback != null)) {
            restoreFocus((Component) container, focusFallback);
        }
        return moved;
    }

    /**
     * A moved element leaves the DOM for a moment and the browser drops its focus to the page body, so a
     * keyboard user who just voted would be thrown to the top of the page when the question climbs. The browser
     * remembers the last focused element; if focus has fallen to the body and that element is still in the list,
     * it gets focus back. Focus the person has since moved elsewhere is left alone.
     */
    static void restoreFocus(Component container) {
        restoreFocus(container, null);
    }

    /**
     * As {@link #restoreFocus(Component)}; and when the last focused element was in this list and has left it
     * (its question dropped out of the part shown), the fallback gets focus.
     */
    static void restoreFocus(Component container, @Nullable Component fallback) {
        container.getElement().executeJs("""
                const last = window.cvLastFocused;
                if (!last || (document.activeElement && document.activeElement !== document.body)) {
                    return;
                }
                if (last.isConnected && this.contains(last)) {
                    last.focus();
                } else if (!last.isConnected && $0 && window.cvLastFocusedList === this) {
                    $0.focus();
                }""", fallback == null ? null : fallback.getElement());
    }

    /** Remembers the last focused element of the page, for {@link #restoreFocus}; installed once per page. */
    static void trackFocus(Component anyComponent) {
        anyComponent.getElement().executeJs("""
                if (!window.cvFocusTracked) {
                    window.cvFocusTracked = true;
                    document.addEventListener('focusin', e => {
                        window.cvLastFocused = e.target;
                        window.cvLastFocusedList = e.target.closest ? e.target.closest('ol, ul') : null;
                    });
                }""");
    }

    @Nullable C get(long id) {
        return shown.get(id);
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }
}
