package org.convene.mail;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * Locks up to {@code limit} messages that are due, oldest due first, skipping those another sender holds: the
     * caller's transaction owns them until it commits, so no two senders ever hold the same row.
     */
    List<DueMail> claimDue(Instant now, int limit) {
        return db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.IDEMPOTENCY_KEY, MAIL_OUTBOX.KIND, MAIL_OUTBOX.TO_ADDRESS,
                        MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.TEXT_BODY, MAIL_OUTBOX.HTML_BODY, MAIL_OUTBOX.UNSUBSCRIBE_URL,
                        MAIL_OUTBOX.ATTEMPTS)
                .from(MAIL_OUTBOX)
                .where(due(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new DueMail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    /** Marks up to {@code limit} due messages KEPT (no mail server), skipping those another node holds. */
    int keepDue(Instant now, int limit) {
        var ids = db.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX).where(due(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID).limit(limit).forUpdate().skipLocked();
        return db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATE, MailState.KEPT)
                .set(MAIL_OUTBOX.LAST_ERROR, OutboxLimits.KEPT_NOTE)
                .where(MAIL_OUTBOX.ID.in(ids))
                .execute();
    }

    void markSent(long id, Instant now) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATE, MailState.SENT)
                .set(MAIL_OUTBOX.SENT_AT, now)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .setNull(MAIL_OUTBOX.LAST_ERROR)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Records a failed attempt: PENDING again at {@code nextAttempt}, or FAILED when {@code nextAttempt} is null. */
    void markFailedAttempt(long id, String reason, @Nullable Instant nextAttempt) {
        var update = db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.LAST_ERROR, reason);
        if (nextAttempt == null) {
            update.set(MAIL_OUTBOX.STATE, MailState.FAILED).where(MAIL_OUTBOX.ID.eq(id)).execute();
        } else {
            update.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttempt).where(MAIL_OUTBOX.ID.eq(id)).execute();
        }
    }

    /** Puts a FAILED or KEPT message back in the queue, due now, with a fresh count of attempts. */
    boolean retry(long id, List<MailState> from, Instant now) {
        return db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATE, MailState.PENDING)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .set(MAIL_OUTBOX.ATTEMPTS, 0)
                .setNull(MAIL_OUTBOX.LAST_ERROR)
                .where(MAIL_OUTBOX.ID.eq(id).and(MAIL_OUTBOX.STATE.in(from)))
                .execute() == 1;
    }

    List<OutboxRow> page(@Nullable MailState state, @Nullable String kind, int offset, int limit) {
        return db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.KIND, MAIL_OUTBOX.TO_ADDRESS,
                        MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.STATE, MAIL_OUTBOX.LAST_ERROR, MAIL_OUTBOX.ATTEMPTS,
                        MAIL_OUTBOX.SENT_AT, MAIL_OUTBOX.NEXT_ATTEMPT_AT)
                .from(MAIL_OUTBOX)
                .where(filter(state, kind))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc(), MAIL_OUTBOX.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new OutboxRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    int count(@Nullable MailState state, @Nullable String kind) {
        return db.fetchCount(MAIL_OUTBOX, filter(state, kind));
    }

    Optional<OutboxMessage> message(long id) {
        return db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.TEXT_BODY, MAIL_OUTBOX.HTML_BODY,
                        MAIL_OUTBOX.STATE)
                .from(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id))
                .fetchOptional(r -> new OutboxMessage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    List<String> kinds() {
        return db.selectDistinct(MAIL_OUTBOX.KIND).from(MAIL_OUTBOX).orderBy(MAIL_OUTBOX.KIND)
                .fetch(MAIL_OUTBOX.KIND);
    }

    private static Condition due(Instant now) {
        return MAIL_OUTBOX.STATE.eq(MailState.PENDING).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now));
    }

    private static Condition filter(@Nullable MailState state, @Nullable String kind) {
        Condition condition = DSL.noCondition();
        if (state != null) {
            condition = condition.and(MAIL_OUTBOX.STATE.eq(state));
        }
        if (kind != null) {
            condition = condition.and(MAIL_OUTBOX.KIND.eq(kind));
        }
        return condition;
    }
}
