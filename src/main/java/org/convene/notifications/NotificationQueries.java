package org.convene.notifications;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.jooq.Records.mapping;

/** Who is told: the people with a session on their agenda (as for the agenda's notices), or one account. */
@Repository
class NotificationQueries {

    private final DSLContext db;

    NotificationQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * Everyone with the session on their agenda now whose address is confirmed, in a fixed order: an address
     * mistyped at sign-up belongs to someone else, who must not get another person's session news.
     */
    List<Recipient> withOnAgenda(long sessionId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL)
                .from(AGENDA_ITEM).join(APP_USER).on(APP_USER.ID.eq(AGENDA_ITEM.USER_ID))
                .where(AGENDA_ITEM.SESSION_ID.eq(sessionId), APP_USER.EMAIL_CONFIRMED_AT.isNotNull())
                .orderBy(APP_USER.ID)
                .fetch(mapping(Recipient::new));
    }

    /** The account, if its address is confirmed (as for {@link #withOnAgenda}). */
    Optional<Recipient> confirmedAccount(long userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId), APP_USER.EMAIL_CONFIRMED_AT.isNotNull())
                .fetchOptional(mapping(Recipient::new));
    }

    Optional<Recipient> account(long userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(Recipient::new));
    }

    /** The account that uses this (lower-case) address, if any. */
    Optional<Long> accountOf(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOptional(APP_USER.ID);
    }

    record Recipient(long userId, String email) {
    }
}
