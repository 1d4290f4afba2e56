package org.convene.qa.ui;

import org.convene.qa.MyQuestion;
import org.convene.qa.QaBoard;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * What changed between two boards a reader of the Q&A panel saw, in words for the live region, as a count for
 * the paused list, or not at all. Pure: boards in, sentences out, so every rule is tested without a page.
 */
final class BoardChanges {

    private BoardChanges() {
    }

    /** Whether nothing this reader sees differs, so nothing needs pushing to their page. */
    static boolean sameForThisReader(QaBoard shown, QaBoard next) {
        return shown.questions().equals(next.questions()) && shown.mine().equals(next.mine())
                && shown.settings().equals(next.settings()) && shown.sessionOver() == next.sessionOver()
                && shown.myVotes().equals(next.myVotes());
    }

    /** What everyone may hear about, for a page that shows every question. */
    static List<Announcements.Item> publicChanges(QaBoard before, QaBoard after) {
        return publicChanges(before, after, id -> true, "");
    }

    /**
     * What everyone may hear about: new questions, answers, the stage and replies. Never votes, never mine. A
     * new question the page does not show is only counted, with what to do to see it.
     *
     * @param shown       whether the page shows the question with this id, now that {@code after} is rendered
     * @param notShownHint what to do to see a question not shown, e.g. "sort by newest"
     */
    static List<Announcements.Item> publicChanges(QaBoard before, QaBoard after, LongPredicate shown,
                                                  String notShownHint) {
        if (nothingToSay(before.questions(), after.questions())) {
            return List.of();
        }
        Set<Long> mine = mineIds(after);
        Map<Long, QuestionView> old = byId(before.questions(), Function.identity());
        List<Announcements.Item> said = new ArrayList<>();
        for (QuestionView q : sortedByAsked(after.questions())) {
            if (mine.contains(q.id())) {
                continue;
            }
            QuestionView was = old.get(q.id());
            if (was == null) {
                String words = "New question: " + QuestionTexts.firstWords(q.text(), 30);
                said.add(shown.test(q.id()) ? new Announcements.Item(Announcements.Kind.NEW_QUESTION, words)
                        : new Announcements.Item(Announcements.Kind.NEW_NOT_SHOWN,
                        words + " (not in the list shown: " + notShownHint + " to see it)", notShownHint));
                continue;
            }
            if (was.state() != QuestionState.ANSWERED && q.state() == QuestionState.ANSWERED) {
                said.add(new Announcements.Item(Announcements.Kind.ANSWERED, "Answered: " + QuestionTexts.shortText(q)));
            }
            if (!was.pinned() && q.pinned()) {
                said.add(new Announcements.Item(Announcements.Kind.ON_STAGE, "On stage now: " + QuestionTexts.shortText(q)));
            }
            for (ReplyView reply : newReplies(was, q)) {
                said.add(new Announcements.Item(Announcements.Kind.REPLY, reply.authorName() + " replied to “"
                        + QuestionTexts.shortText(q) + "”: " + reply.text()));
            }
        }
        return said;
    }

    /**
     * Whether the same questions are listed in the same order with the same state, stage and replies: votes
     * alone changed, as in most updates of a busy session. Answered without sorting or mapping anything, because
     * every open page asks on every update.
     */
    static boolean nothingToSay(List<QuestionView> before, List<QuestionView> after) {
        if (before == after) {
            return true;
        }
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            QuestionView was = before.get(i);
            QuestionView is = after.get(i);
            if (was != is && (was.id() != is.id() || was.state() != is.state() || was.pinned() != is.pinned()
                    || !was.replies().equals(is.replies()))) {
                return false;
            }
        }
        return true;
    }

    /** What the asker hears about their own questions, whatever their state. */
    static List<Announcements.Item> changesToMine(QaBoard before, QaBoard after) {
        Map<Long, QuestionView> old = byId(before.mine(), MyQuestion::question);
        List<Announcements.Item> said = new ArrayList<>();
        for (MyQuestion mine : after.mine()) {
            QuestionView q = mine.question();
            QuestionView was = old.get(q.id());
            if (was == null) {
                continue; // just asked: the form has said so
            }
            if (was.state() != q.state()) {
                String sentence = switch (q.state()) {
                    case APPROVED -> "Your question was approved. Everyone can see it now.";
                    case DISMISSED -> q.dismissReason() == null ? "Your question was not approved."
                            : "Your question was not approved: " + q.dismissReason();
                    case ANSWERED -> "Your question was marked answered.";
                    case MERGED -> "Your question was merged with a similar question.";
                    case PENDING -> null;
                };
                if (sentence != null) {
                    said.add(new Announcements.Item(Announcements.Kind.MINE, sentence));
                }
            }
            if (!was.pinned() && q.pinned()) {
                said.add(new Announcements.Item(Announcements.Kind.MINE, "Your question is on stage now."));
            }
            for (ReplyView reply : newReplies(was, q)) {
                said.add(new Announcements.Item(Announcements.Kind.MINE,
                        reply.authorName() + " replied to your question: " + reply.text()));
            }
        }
        return said;
    }

    /** How many questions in the list are new, gone or changed (votes included) since it was shown. */
    static int countChanges(QaBoard before, QaBoard after) {
        Map<Long, QuestionView> old = byId(before.questions(), Function.identity());
        Map<Long, QuestionView> now = byId(after.questions(), Function.identity());
        Set<Long> ids = new HashSet<>(old.keySet());
        ids.addAll(now.keySet());
        return (int) ids.stream().filter(id -> !Objects.equals(old.get(id), now.get(id))).count();
    }

    /** The reader's own vote counted at once, before the shared board comes round with it. */
    static QaBoard withMyVote(QaBoard board, long questionId, boolean up) {
        boolean had = board.myVotes().contains(questionId);
        if (had == up) {
            return board;
        }
        Set<Long> votes = new HashSet<>(board.myVotes());
        if (up) {
            votes.add(questionId);
        } else {
            votes.remove(questionId);
        }
        List<QuestionView> questions = board.questions();
        for (int i = 0; i < questions.size(); i++) {
            QuestionView q = questions.get(i);
            if (q.id() == questionId) {
                // voting again on the same question replaces the replacement, so toggling builds no chain
                List<QuestionView> base = questions instanceof OneReplaced r && r.index == i ? r.shared : questions;
                questions = new OneReplaced(base, i, new QuestionView(q.id(), q.sessionId(), q.text(),
                        q.authorName(), q.anonymous(), q.onBehalfOf(), q.state(), q.pinned(), q.votes() + (up ? 1 : -1),
                        q.askedAt(), q.updatedAt(), q.dismissReason(), q.mergedInto(), q.replies()));
                break;
            }
        }
        return new QaBoard(board.sessionId(), board.seq(), board.settings(), questions, board.mine(), Set.copyOf(votes),
                board.signedIn(), board.canModerate(), board.sessionOver());
    }

    /**
     * The shared board's list with one question replaced. A copy of the list would be this page's own copy of
     * every question of a big session, held for as long as the list is paused.
     */
    private static final class OneReplaced extends AbstractList<QuestionView> implements RandomAccess {

        private final List<QuestionView> shared;
        private final int index;
        private final QuestionView replaced;

        OneReplaced(List<QuestionView> shared, int index, QuestionView replaced) {
            this.shared = shared;
            this.index = index;
            this.replaced = replaced;
        }

        @Override
        public QuestionView get(int i) {
            return i == index ? replaced : shared.get(i);
        }

        @Override
        public int size() {
            return shared.size();
        }
    }

    static Set<Long> mineIds(QaBoard board) {
        return board.mine().stream().map(m -> m.question().id()).collect(Collectors.toSet());
    }

    private static List<ReplyView> newReplies(QuestionView before, QuestionView after) {
        // a vote keeps the question's replies as they were: every page asks this of every question on every push
        if (after.replies() == before.replies() || after.replies().isEmpty()) {
            return List.of();
        }
        Set<Long> seen = before.replies().stream().map(ReplyView::id).collect(Collectors.toSet());
        return after.replies().stream().filter(r -> !seen.contains(r.id())).toList();
    }

    private static <T> Map<Long, QuestionView> byId(List<T> list, Function<T, QuestionView> question) {
        Map<Long, QuestionView> map = new LinkedHashMap<>();
        list.forEach(item -> map.put(question.apply(item).id(), question.apply(item)));
        return map;
    }

    private static List<QuestionView> sortedByAsked(List<QuestionView> questions) {
        return questions.stream().sorted(Comparator.comparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)).toList();
    }
}
