package org.convene.polls;

/** How long free-text feedback may be: used by the service, the form and db/V25. */
public final class FeedbackLimits {

    public static final int COMMENT_MAX = 1000;

    private FeedbackLimits() {
    }
}
