package org.convene.qa;

import java.util.List;
import java.util.Map;

/** Everything a facilitator moderates: every question of the session in every state, with counts. */
public record ModerationBoard(long sessionId, long seq, QaSettings settings, List<QuestionView> questions,
                              Map<QuestionState, Integer> counts) {

    public List<QuestionView> inState(QuestionState state) {
        return questions.stream().filter(q -> q.state() == state).toList();
    }
}
