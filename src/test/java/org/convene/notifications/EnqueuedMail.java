package org.convene.notifications;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;

import static org.convene.db.Tables.MAIL_OUTBOX;

/** What the outbox holds for some addresses, read straight from mail_outbox (tests only). */
record EnqueuedMail(String key, String kind, @Nullable Long recipientUserId, String to, String subject, String text,
                    String html, @Nullable String unsubscribeUrl) {

    static List<EnqueuedMail> to(DSLContext db, Collection<String> addresses) {
        return db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY, MAIL_OUTBOX.KIND, MAIL_OUTBOX.RECIPIENT_USER_ID,
                        MAIL_OUTBOX.TO_ADDRESS, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.TEXT_BODY, MAIL_OUTBOX.HTML_BODY,
                        MAIL_OUTBOX.UNSUBSCRIBE_URL)
                .from(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.in(addresses))
                .orderBy(MAIL_OUTBOX.ID)
                .fetch(r -> new EnqueuedMail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    static void deleteTo(DSLContext db, Collection<String> addresses) {
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.TO_ADDRESS.in(addresses)).execute();
    }
}
