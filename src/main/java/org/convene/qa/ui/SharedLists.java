package org.convene.qa.ui;

import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the node's session pages that show a list the same way share: the state of the list and the change from
 * one board to the next, worked out by the first page and reused by the others. In a plenary most pages are
 * signed out and show the first page of questions in the default order, so thousands of pages would otherwise
 * each work out, and keep, the same thing on every change.
 * <p>
 * Only what is the same for every such page is shared: a page that signs in, shows more or votes keeps its own.
 */
@Component
class SharedLists {

    /** Entries kept: a few boards' worth of transitions in a few orders and time zones. Past it the oldest go. */
    static final int MOST_KEPT = 512;

    private final Map<Object, Object> kept = new LinkedHashMap<>(MOST_KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MOST_KEPT;
        }
    };

    /**
     * The change from the page's list state to the one for these questions, computed once.
     *
     * @param compute works it out from a copy of {@code before}: the shared state itself is never changed
     */
    QuestionList.Transition transition(QuestionList.ListState before, List<QuestionView> questions,
                                       QuestionSort sort, ZoneId zone,
                                       Supplier<QuestionList.Transition> compute) {
        ListKey key = new ListKey(before, questions, sort, zone);
        QuestionList.Transition found = find(key, QuestionList.Transition.class);
        if (found != null) {
            return found;
        }
        QuestionList.Transition computed = compute.get();
        // pages that reached the same questions by different steps (one skipped a board while busy) end in the
        // same state, so from here on they share again
        QuestionList.ListState canonical = keep(new StateKey(questions, sort, zone), computed.after());
        return keep(key, computed.withAfter(canonical));
    }

    /** What is said about a change, for the pages that showed {@code before} and now show {@code after}. */
    List<Announcements.Item> said(List<QuestionView> before, List<QuestionView> after, QuestionSort sort,
                                  Supplier<List<Announcements.Item>> compute) {
        SaidKey key = new SaidKey(before, after, sort);
        Said found = find(key, Said.class);
        return found != null ? found.items() : keep(key, new Said(List.copyOf(compute.get()))).items();
    }

    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private <T> T keep(Object key, T value) {
        synchronized (kept) {
            @SuppressWarnings("unchecked")
            T raced = (T) kept.putIfAbsent(key, value);
            return raced != null ? raced : value;
        }
    }

    private <T> @Nullable T find(Object key, Class<T> type) {
        synchronized (kept) {
            Object value = kept.get(key);
            return type.isInstance(value) ? type.cast(value) : null;
        }
    }

    /** By identity: boards are shared objects, and comparing their contents would cost what sharing saves. */
    private record ListKey(QuestionList.ListState before, List<QuestionView> questions, QuestionSort sort,
                           ZoneId zone) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ListKey that && before == that.before && questions == that.questions
                    && sort == that.sort && zone.equals(that.zone);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(before) + System.identityHashCode(questions)) + sort.hashCode()
                    + zone.hashCode();
        }
    }

    private record StateKey(List<QuestionView> questions, QuestionSort sort, ZoneId zone) {

        @Override
        public boolean equals(Object other) {
            return other instanceof StateKey that && questions == that.questions && sort == that.sort
                    && zone.equals(that.zone);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(questions) + sort.hashCode() + zone.hashCode();
        }
    }

    private record Said(List<Announcements.Item> items) {
    }

    private record SaidKey(List<QuestionView> before, List<QuestionView> after, QuestionSort sort) {

        @Override
        public boolean equals(Object other) {
            return other instanceof SaidKey that && before == that.before && after == that.after && sort == that.sort;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(before) + System.identityHashCode(after)) + sort.hashCode();
        }
    }
}
