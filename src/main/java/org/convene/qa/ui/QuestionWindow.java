package org.convene.qa.ui;

import org.convene.qa.QuestionView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a session's questions one page shows. A plenary can have hundreds of questions, and every
 * question a page shows costs the server memory for as long as the page is open, so a page shows at most
 * {@code limit} of them in the chosen order; the reader raises the limit a page at a time, never past
 * {@link #MOST_SHOWN}. Pure, so the rules are tested without a page.
 * <p>
 * Sorted by votes, a question just asked has no votes and would sit below the top for ever, so nobody would
 * see it to vote for it: the few newest questions that are not in the top are shown after it, marked "Just
 * asked".
 *
 * @param top       the first {@code limit} questions in the chosen order
 * @param justAsked the newest of the others, newest first (sorted by votes only)
 * @param total     how many public questions the session has
 */
record QuestionWindow(List<QuestionView> top, List<QuestionView> justAsked, int total) {

    /** How many more questions "Show more" adds, and how many a page shows at first. */
    static final int PAGE_SIZE = 20;
    /** The most one page ever shows, however often the reader asks for more. */
    static final int MOST_SHOWN = 200;
    /** How many of the newest questions are kept in view below the top when sorted by votes. */
    static final int JUST_ASKED = 5;

    /**
     * @param ordered     every public question in the chosen order (the shared board's sorted list)
     * @param oldestFirst the same questions, oldest first
     * @param limit       how many this page shows in order
     * @param sort        the chosen order
     */
    static QuestionWindow of(List<QuestionView> ordered, List<QuestionView> oldestFirst, int limit, QuestionSort sort) {
        List<QuestionView> top = ordered.size() <= limit ? ordered : ordered.subList(0, limit);
        if (sort != QuestionSort.VOTES || top.size() == ordered.size()) {
            return new QuestionWindow(top, List.of(), ordered.size());
        }
        Set<Long> inTop = ids(top);
        List<QuestionView> newest = new ArrayList<>(JUST_ASKED);
        for (int i = oldestFirst.size() - 1; i >= 0 && i >= oldestFirst.size() - JUST_ASKED; i--) {
            QuestionView q = oldestFirst.get(i);
            if (!inTop.contains(q.id())) {
                newest.add(q);
            }
        }
        return new QuestionWindow(top, List.copyOf(newest), ordered.size());
    }

    /** The limit after one press of "Show more". */
    static int raised(int limit) {
        return Math.min(MOST_SHOWN, limit + PAGE_SIZE);
    }

    /** Everything shown, in the order shown. */
    List<QuestionView> shown() {
        if (justAsked.isEmpty()) {
            return top;
        }
        List<QuestionView> all = new ArrayList<>(top.size() + justAsked.size());
        all.addAll(top);
        all.addAll(justAsked);
        return all;
    }

    int shownCount() {
        return top.size() + justAsked.size();
    }

    /** How many questions are not shown. */
    int hidden() {
        return total - shownCount();
    }

    /** How many "Show more" would add to the top: 0 when everything is shown or the page is at its most. */
    int nextStep(int limit) {
        return Math.max(0, Math.min(Math.min(PAGE_SIZE, MOST_SHOWN - limit), hidden()));
    }

    /** Whether some questions are hidden only because the page shows no more than {@link #MOST_SHOWN}. */
    boolean atMost(int limit) {
        return hidden() > 0 && limit >= MOST_SHOWN;
    }

    /** "Showing 25 of 143 questions: ...", or just the count when all are shown. */
    String status() {
        if (hidden() == 0 && justAsked.isEmpty()) {
            return total == 1 ? "1 question." : total + " questions.";
        }
        String showing = "Showing " + shownCount() + " of " + total + " questions";
        if (justAsked.isEmpty()) {
            return showing + ".";
        }
        return showing + ": the " + top.size() + " with the most votes, then the " + (justAsked.size() == 1
                ? "newest one." : justAsked.size() + " newest.");
    }

    Set<Long> shownIds() {
        Set<Long> ids = ids(top);
        justAsked.forEach(q -> ids.add(q.id()));
        return ids;
    }

    private static Set<Long> ids(List<QuestionView> questions) {
        Set<Long> ids = new HashSet<>(questions.size() * 2);
        questions.forEach(q -> ids.add(q.id()));
        return ids;
    }
}
