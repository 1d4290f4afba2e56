package org.convene.qa;

/** A session's Q&A switches, as facilitators set them. */
public record QaSettings(long sessionId, boolean open, boolean preModeration, boolean anonymousAllowed) {

    static QaSettings defaults(long sessionId) {
        return new QaSettings(sessionId, true, false, true);
    }
}
