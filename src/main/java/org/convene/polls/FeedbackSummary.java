package org.convene.polls;

import java.util.List;
import java.util.Map;

/**
 * A session's feedback for its report: how many gave it (and how many of those by phone), the count of each
 * answer to each question, and the free texts, without who wrote them.
 */
public record FeedbackSummary(long sessionId, int given, int byPhone, Map<Integer, Integer> useful,
                              Map<Integer, Integer> accessible, Map<ComeAgain, Integer> comeAgain,
                              List<String> comments) {

    public FeedbackSummary {
        useful = Map.copyOf(useful);
        accessible = Map.copyOf(accessible);
        comeAgain = Map.copyOf(comeAgain);
        comments = List.copyOf(comments);
    }

    public int useful(int score) {
        return useful.getOrDefault(score, 0);
    }

    public int accessible(int score) {
        return accessible.getOrDefault(score, 0);
    }

    public int comeAgain(ComeAgain answer) {
        return comeAgain.getOrDefault(answer, 0);
    }
}
