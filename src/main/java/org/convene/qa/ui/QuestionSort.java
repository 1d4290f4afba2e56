package org.convene.qa.ui;

import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;

/** The orders a reader may choose for the list of everyone's questions, and how the page address names them. */
enum QuestionSort {
    VOTES("Most votes", null,
            Comparator.comparingInt(QuestionView::votes).reversed()
                    .thenComparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)),
    NEWEST("Newest", "newest",
            Comparator.comparing(QuestionView::askedAt).reversed()
                    .thenComparing(Comparator.comparingLong(QuestionView::id).reversed()));

    final String label;
    /** The URL value; null for the default, which keeps the address short. */
    final @Nullable String parameter;
    final Comparator<QuestionView> order;

    QuestionSort(String label, @Nullable String parameter, Comparator<QuestionView> order) {
        this.label = label;
        this.parameter = parameter;
        this.order = order;
    }

    static QuestionSort fromParameter(@Nullable String value) {
        return "newest".equals(value) ? NEWEST : VOTES;
    }
}
