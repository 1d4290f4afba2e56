package org.convene.polls;

import org.jspecify.annotations.Nullable;

/** Feedback as given: every part optional, but not all of them empty. Scores are 1 to 5 (5 the best). */
public record FeedbackDraft(@Nullable Integer useful, @Nullable Integer accessible, @Nullable ComeAgain comeAgain,
                            String comment) {

    public static final FeedbackDraft EMPTY = new FeedbackDraft(null, null, null, "");
}
