package org.convene.qa;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's CHECK constraints (db/V6__qa.sql) and {@link QaLimits} say the same: the database takes text of
 * exactly the limit and refuses one character more. A migration or a constant changed alone fails here.
 */
@IntegrationTest
class QaLimitsDatabaseTest {

    @Autowired
    QaRepository repository;
    @Autowired
    TestData data;

    long session;
    ConveneUser user;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        user = data.user();
    }

    private long question(String onBehalfOf, String text) {
        return repository.insertQuestion(session, user.id(), false, null, onBehalfOf, text, QuestionState.APPROVED,
                Instant.now());
    }

    @Test
    void the_database_takes_a_question_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThatCode(() -> question(null, "q".repeat(QaLimits.QUESTION_MAX_LENGTH))).doesNotThrowAnyException();
        assertThatThrownBy(() -> question(null, "q".repeat(QaLimits.QUESTION_MAX_LENGTH + 1)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_an_on_behalf_name_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThatCode(() -> question("n".repeat(QaLimits.ON_BEHALF_OF_MAX_LENGTH), "A question"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> question("n".repeat(QaLimits.ON_BEHALF_OF_MAX_LENGTH + 1), "A question"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_a_reply_of_exactly_the_limit_and_refuses_one_character_more() {
        long question = question(null, "A question");
        assertThatCode(() -> repository.insertReply(question, user.id(), user.displayName(),
                "r".repeat(QaLimits.REPLY_MAX_LENGTH), Instant.now())).doesNotThrowAnyException();
        assertThatThrownBy(() -> repository.insertReply(question, user.id(), user.displayName(),
                "r".repeat(QaLimits.REPLY_MAX_LENGTH + 1), Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_a_dismiss_reason_of_exactly_the_limit_and_refuses_one_character_more() {
        long question = question(null, "A question");
        assertThatCode(() -> repository.update(question, QuestionState.DISMISSED, "A question",
                "d".repeat(QaLimits.DISMISS_REASON_MAX_LENGTH), false, null, Instant.now())).doesNotThrowAnyException();
        assertThatThrownBy(() -> repository.update(question, QuestionState.DISMISSED, "A question",
                "d".repeat(QaLimits.DISMISS_REASON_MAX_LENGTH + 1), false, null, Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
