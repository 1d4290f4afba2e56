package org.convene.polls;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A poll with its results so far: {@code answered} is how many people answered, each option's count how many of
 * them chose it (with multiple choice the counts may add up to more).
 */
public record Poll(long id, long sessionId, String question, boolean multiple, boolean anonymous, PollState state,
                   @Nullable Instant openedAt, @Nullable Instant closedAt, List<PollOption> options, int answered) {

    public Poll {
        options = List.copyOf(options);
    }

    public boolean isOpen() {
        return state == PollState.OPEN;
    }

    public boolean isClosed() {
        return state == PollState.CLOSED;
    }

    /** Whole percent of those who answered, rounded half up; 0 when nobody has. */
    public int percent(PollOption option) {
        return answered == 0 ? 0 : (int) Math.round(100.0 * option.count() / answered);
    }

    /** "12 of 30 chose Yes (40%)": the result in words, as the page, the stage and the CSV say it. */
    public String sentence(PollOption option) {
        return option.count() + " of " + answered + " chose " + option.label() + " (" + percent(option) + "%)";
    }

    /** "30 people answered", "1 person answered", "Nobody has answered yet". */
    public String answeredInWords() {
        return answered == 0 ? "Nobody has answered yet" : answered == 1 ? "1 person answered" : answered + " people answered";
    }

    public String label(int position) {
        return options.stream().filter(o -> o.position() == position).map(PollOption::label).findFirst().orElse("");
    }
}
