package org.convene.mail;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.MAIL_OUTBOX;

/** db/V18__mail_delivery.sql and {@link OutboxLimits} say the same about the note on a message not sent. */
@IntegrationTest
class OutboxLimitsDatabaseTest {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    DSLContext db;

    @Test
    void the_database_takes_a_last_error_of_exactly_the_limit_and_refuses_one_character_more() {
        MailContent content = MailContent.builder("Limit").why("A test.").build();
        String key = TestData.unique("limit");
        outbox.insert(new OutgoingMail(key, "test", null, "limit@mail.example", content, null, Instant.now()),
                Instant.now());
        long id = db.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX).where(MAIL_OUTBOX.IDEMPOTENCY_KEY.eq(key)).fetchSingle()
                .value1();

        outbox.markFailedAttempt(id, "e".repeat(OutboxLimits.LAST_ERROR_MAX), null);
        assertThat(db.select(MAIL_OUTBOX.LAST_ERROR).from(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).fetchSingle().value1())
                .hasSize(OutboxLimits.LAST_ERROR_MAX);
        assertThatThrownBy(() -> outbox.markFailedAttempt(id, "e".repeat(OutboxLimits.LAST_ERROR_MAX + 1), null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
