package org.convene.mail;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import static org.convene.db.Tables.MAIL_OUTBOX;

@Repository
class OutboxKeysRepository {

    private final DSLContext db;

    OutboxKeysRepository(DSLContext db) {
        this.db = db;
    }

    Set<String> present(Collection<String> keys) {
        return new HashSet<>(db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.IDEMPOTENCY_KEY.in(keys))
                .fetch(MAIL_OUTBOX.IDEMPOTENCY_KEY));
    }

    int deletePendingExcept(String kind, Collection<String> keep) {
        return db.deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATE.eq(MailState.PENDING), MAIL_OUTBOX.KIND.eq(kind),
                        keep.isEmpty() ? org.jooq.impl.DSL.trueCondition() : MAIL_OUTBOX.IDEMPOTENCY_KEY.notIn(keep))
                .execute();
    }
}
