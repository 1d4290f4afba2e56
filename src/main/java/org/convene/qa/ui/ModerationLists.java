package org.convene.qa.ui;

import org.convene.qa.ModerationBoard;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the moderation page orders its three lists, and what it says when questions arrive. Pure, so the orders
 * are tested without a page.
 */
final class ModerationLists {

    private ModerationLists() {
    }

    /** Waiting for approval: oldest first, as they arrived. */
    static List<QuestionView> waiting(ModerationBoard board) {
        return board.inState(QuestionState.PENDING).stream()
                .sorted(Comparator.comparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)).toList();
    }

    /** Public: the question on stage first, then open before answered, then by votes, then oldest. */
    static List<QuestionView> visible(ModerationBoard board) {
        return board.questions().stream().filter(q -> q.state().isPublic())
                .sorted(Comparator.comparing((QuestionView q) -> !q.pinned())
                        .thenComparing(q -> q.state() == QuestionState.ANSWERED)
                        .thenComparing(Comparator.comparingInt(QuestionView::votes).reversed())
                        .thenComparing(QuestionView::askedAt))
                .toList();
    }

    /** Dismissed and merged: the most recently handled first. */
    static List<QuestionView> handled(ModerationBoard board) {
        return board.questions().stream()
                .filter(q -> q.state() == QuestionState.DISMISSED || q.state() == QuestionState.MERGED)
                .sorted(Comparator.comparing(QuestionView::updatedAt).reversed()).toList();
    }

    /** Questions new to the board and waiting for approval: the only arrivals a facilitator must act on. */
    static List<Announcements.Item> newlyWaiting(ModerationBoard before, ModerationBoard next) {
        Set<Long> waitingBefore = before.inState(QuestionState.PENDING).stream().map(QuestionView::id)
                .collect(Collectors.toCollection(HashSet::new));
        List<Announcements.Item> said = new ArrayList<>();
        for (QuestionView q : next.inState(QuestionState.PENDING)) {
            if (!waitingBefore.contains(q.id()) && before.questions().stream().noneMatch(b -> b.id() == q.id())) {
                said.add(new Announcements.Item(Announcements.Kind.WAITING,
                        "New question waiting for approval: " + QuestionTexts.shortText(q)));
            }
        }
        return said;
    }

    /** A question as the merge dialog offers it: its first words, votes and, unless public, its state. */
    static String mergeLabel(QuestionView q) {
        String suffix = switch (q.state()) {
            case PENDING -> ", waiting for approval";
            case ANSWERED -> ", answered";
            default -> "";
        };
        return QuestionTexts.firstWords(q.text(), 15) + " (" + QuestionTexts.votes(q.votes()) + suffix + ")";
    }

    /** What a question may be merged into: the session's other open, answered or waiting questions, oldest first. */
    static List<QuestionView> mergeTargets(ModerationBoard board, QuestionView question) {
        return board.questions().stream()
                .filter(q -> q.id() != question.id())
                .filter(q -> q.state() == QuestionState.APPROVED || q.state() == QuestionState.ANSWERED
                        || q.state() == QuestionState.PENDING)
                .sorted(Comparator.comparing(QuestionView::askedAt))
                .toList();
    }
}
