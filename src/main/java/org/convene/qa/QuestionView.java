package org.convene.qa;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A question as others see it. The author's name is null for an anonymous question, for everyone,
 * facilitators included, and {@link #FORMER_ATTENDEE} once the author's account is gone.
 *
 * @param onBehalfOf    who a facilitator entered it for (sent by phone or email), or null
 * @param dismissReason shown only to the asker and to moderators; null in public views
 */
public record QuestionView(long id, long sessionId, String text, @Nullable String authorName, boolean anonymous,
                           @Nullable String onBehalfOf, QuestionState state, boolean pinned, int votes,
                           Instant askedAt, Instant updatedAt, @Nullable String dismissReason, @Nullable Long mergedInto,
                           List<ReplyView> replies) {

    /** The name shown for a question or reply whose author has deleted their account (or been anonymised). */
    public static final String FORMER_ATTENDEE = "A former attendee";

    /** The same question with what only the asker and moderators may see removed. */
    QuestionView forPublic() {
        return dismissReason == null ? this : new QuestionView(id, sessionId, text, authorName, anonymous, onBehalfOf,
                state, pinned, votes, askedAt, updatedAt, null, mergedInto, replies);
    }
}
