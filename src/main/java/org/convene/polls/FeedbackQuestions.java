package org.convene.polls;

import java.util.List;

/**
 * The three questions after a session, in plain words, with their answers from best to worst. The scales are
 * stored as 5 (best) to 1; the words are kept here once, for the form, the report and the CSV.
 */
public final class FeedbackQuestions {

    public static final String USEFUL = "How useful was this session for you?";
    public static final String ACCESSIBLE = "How easy was it for you to take part?";
    public static final String COME_AGAIN = "Would you come to a session like this again?";

    /** Index 0 is 5, the best; index 4 is 1. */
    private static final List<String> USEFUL_WORDS =
            List.of("Very useful", "Useful", "A little useful", "Not very useful", "Not useful at all");
    private static final List<String> ACCESSIBLE_WORDS = List.of("Very easy", "Easy", "OK", "Hard", "Very hard");

    /** The form's fields, as named in {@link org.convene.core.SaveResult.Invalid#problems()}. */
    public static final String FIELD_USEFUL = "useful";
    public static final String FIELD_COMMENT = "comment";

    private FeedbackQuestions() {
    }

    public static String useful(int score) {
        return USEFUL_WORDS.get(5 - score);
    }

    public static String accessible(int score) {
        return ACCESSIBLE_WORDS.get(5 - score);
    }

    /** The scores, best first: 5, 4, 3, 2, 1. */
    public static List<Integer> scores() {
        return List.of(5, 4, 3, 2, 1);
    }
}
