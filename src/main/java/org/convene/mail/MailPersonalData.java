package org.convene.mail;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.MAIL_PREFERENCE;

/**
 * The email a person was sent and what they want to hear about. When the account goes, their messages go too
 * (sent or not): each holds their address and often their name, and the foreign key alone would only unlink them.
 */
@Repository
class MailPersonalData implements PersonalDataSection {

    private final DSLContext db;

    MailPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("messages", "The emails we sent you or are about to send (subject and state, "
                                + "not the whole text).",
                        List.of("Sent to", "Subject", "Kind", "State", "Written (UTC)", "Sent (UTC)"),
                        db.select(MAIL_OUTBOX.TO_ADDRESS, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.KIND, MAIL_OUTBOX.STATE,
                                        MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT)
                                .from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(userId))
                                .orderBy(MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID).fetch(Record::intoList)),
                PersonalDataTable.of("choices", "The kinds of email you chose to get or not (no row: you get it).",
                        List.of("Topic", "Wanted"),
                        db.select(MAIL_PREFERENCE.TOPIC, MAIL_PREFERENCE.WANTED).from(MAIL_PREFERENCE)
                                .where(MAIL_PREFERENCE.USER_ID.eq(userId)).orderBy(MAIL_PREFERENCE.TOPIC)
                                .fetch(Record::intoList)));
    }

    @Override
    public void forget(long userId) {
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(userId)).execute();
    }
}
