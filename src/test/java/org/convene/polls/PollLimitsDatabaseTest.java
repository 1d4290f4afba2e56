package org.convene.polls;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's checks on polls and feedback (db/V25__polls_and_feedback.sql) say the same as {@link PollLimits}
 * and {@link FeedbackLimits}: exactly the limit is taken, one more refused.
 */
@IntegrationTest
class PollLimitsDatabaseTest {

    private static final Instant NOW = Instant.parse("2031-09-16T10:00:00Z");

    @Autowired
    PollRepository polls;
    @Autowired
    FeedbackRepository feedback;
    @Autowired
    TestData data;

    private long insert(String question, List<String> options) {
        ConveneUser by = data.user();
        return polls.insert(data.liveSession(), question, options, false, false, by.id(), NOW);
    }

    @Test
    void a_question_of_exactly_the_limit_is_taken_and_one_character_more_refused() {
        assertThat(insert("q".repeat(PollLimits.QUESTION_MAX), List.of("Yes", "No"))).isPositive();
        assertThatThrownBy(() -> insert("q".repeat(PollLimits.QUESTION_MAX + 1), List.of("Yes", "No")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_answer_of_exactly_the_limit_is_taken_and_one_character_more_refused() {
        assertThat(insert("Q", List.of("a".repeat(PollLimits.OPTION_MAX), "No"))).isPositive();
        assertThatThrownBy(() -> insert("Q", List.of("a".repeat(PollLimits.OPTION_MAX + 1), "No")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void as_many_answers_as_the_limit_are_taken_and_one_more_refused() {
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= PollLimits.OPTIONS_MAX; i++) {
            options.add("Answer " + i);
        }
        assertThat(insert("Q", options)).isPositive();
        options.add("One too many");
        assertThatThrownBy(() -> insert("Q", options)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void free_text_feedback_of_exactly_the_limit_is_taken_and_one_character_more_refused() {
        long session = data.liveSession();
        feedback.give(session, data.user().id(), new FeedbackDraft(null, null, null,
                "f".repeat(FeedbackLimits.COMMENT_MAX)), NOW);
        assertThatThrownBy(() -> feedback.give(session, data.user().id(), new FeedbackDraft(null, null, null,
                "f".repeat(FeedbackLimits.COMMENT_MAX + 1)), NOW)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
