package org.convene.qa;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * One change on one stream, in order. {@code question} is set for question events (as the stream's readers
 * may see it), {@code votes} for votes.changed (question id to its new count).
 */
public record QaEvent(long sessionId, QaStream stream, long seq, String type, @Nullable QuestionView question,
                      @Nullable Map<Long, Integer> votes) {

    public static final String CREATED = "question.created";
    public static final String UPDATED = "question.updated";
    public static final String REMOVED = "question.removed";
    public static final String VOTES = "votes.changed";
    public static final String SETTINGS = "settings.changed";
}
