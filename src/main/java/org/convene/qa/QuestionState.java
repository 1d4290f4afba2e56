package org.convene.qa;

/** Where a question is in its life. Only APPROVED and ANSWERED questions are public. */
public enum QuestionState {
    PENDING,
    APPROVED,
    ANSWERED,
    DISMISSED,
    MERGED;

    public boolean isPublic() {
        return this == APPROVED || this == ANSWERED;
    }
}
