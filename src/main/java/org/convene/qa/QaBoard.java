package org.convene.qa;

import java.util.List;
import java.util.Set;

/**
 * What an attendee's Q&A panel shows: the public questions, my own questions in any state, which
 * questions I have voted for, and whether I may ask, vote or moderate.
 *
 * @param seq the public stream's sequence number this board is consistent with
 */
public record QaBoard(long sessionId, long seq, QaSettings settings, List<QuestionView> questions,
                      List<MyQuestion> mine, Set<Long> myVotes, boolean signedIn, boolean canModerate,
                      boolean sessionOver) {
}
