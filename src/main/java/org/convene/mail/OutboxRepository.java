package org.convene.mail;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;

import static org.convene.db.Tables.MAIL_OUTBOX;

@Repository
class OutboxRepository {

    private final DSLContext db;

    OutboxRepository(DSLContext db) {
        this.db = db;
    }

    /** @return false when a message with this key is already in the outbox (it is left as it is) */
    boolean insert(OutgoingMail mail, Instant now) {
        return db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.IDEMPOTENCY_KEY, mail.idempotencyKey())
                .set(MAIL_OUTBOX.KIND, mail.kind())
                .set(MAIL_OUTBOX.RECIPIENT_USER_ID, mail.recipientUserId())
                .set(MAIL_OUTBOX.TO_ADDRESS, mail.toAddress())
                .set(MAIL_OUTBOX.SUBJECT, mail.content().subject())
                .set(MAIL_OUTBOX.TEXT_BODY, mail.content().text())
                .set(MAIL_OUTBOX.HTML_BODY, mail.content().html())
                .set(MAIL_OUTBOX.UNSUBSCRIBE_URL, mail.unsubscribeUrl())
                .set(MAIL_OUTBOX.STATE, MailState.PENDING)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, mail.notBefore().isBefore(now) ? now : mail.notBefore())
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .onConflict(MAIL_OUTBOX.IDEMPOTENCY_KEY).doNothing()
                .execute() == 1;
    }
}
