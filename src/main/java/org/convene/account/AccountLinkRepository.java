package org.convene.account;

import org.jspecify.annotations.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

import static org.convene.db.Tables.ACCOUNT_LINK;

@Repository
class AccountLinkRepository {

    private final DSLContext db;

    AccountLinkRepository(DSLContext db) {
        this.db = db;
    }

    /** One stored link, as its use needs it. */
    record StoredLink(long id, long userId, AccountLink.Kind kind, @Nullable String newEmail, Instant expiresAt,
                      @Nullable Instant usedAt) {
    }

    long insert(long userId, AccountLink.Kind kind, String tokenHash, @Nullable String newEmail, Instant now) {
        return db.insertInto(ACCOUNT_LINK)
                .set(ACCOUNT_LINK.USER_ID, userId)
                .set(ACCOUNT_LINK.KIND, kind)
                .set(ACCOUNT_LINK.TOKEN_HASH, tokenHash)
                .set(ACCOUNT_LINK.NEW_EMAIL, newEmail)
                .set(ACCOUNT_LINK.CREATED_AT, now)
                .set(ACCOUNT_LINK.EXPIRES_AT, now.plus(kind.validFor()))
                .returning(ACCOUNT_LINK.ID)
                .fetchSingle(ACCOUNT_LINK.ID);
    }

    /** The link with this token hash, locked, so two clicks on one link cannot both use it. */
    Optional<StoredLink> forUpdate(String tokenHash) {
        return db.select(ACCOUNT_LINK.ID, ACCOUNT_LINK.USER_ID, ACCOUNT_LINK.KIND, ACCOUNT_LINK.NEW_EMAIL,
                        ACCOUNT_LINK.EXPIRES_AT, ACCOUNT_LINK.USED_AT)
                .from(ACCOUNT_LINK)
                .where(ACCOUNT_LINK.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional(r -> new StoredLink(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    /** Without a lock, for a page that only says whether the link still works. */
    Optional<StoredLink> find(String tokenHash) {
        return db.select(ACCOUNT_LINK.ID, ACCOUNT_LINK.USER_ID, ACCOUNT_LINK.KIND, ACCOUNT_LINK.NEW_EMAIL,
                        ACCOUNT_LINK.EXPIRES_AT, ACCOUNT_LINK.USED_AT)
                .from(ACCOUNT_LINK)
                .where(ACCOUNT_LINK.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new StoredLink(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    void markUsed(long linkId, Instant now) {
        db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.USED_AT, now).where(ACCOUNT_LINK.ID.eq(linkId)).execute();
    }

    /** Stops the account's open links of this kind from working (a newer one was sent, or one was used). */
    int retireOpen(long userId, AccountLink.Kind kind, Instant now) {
        return db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.USED_AT, now)
                .where(ACCOUNT_LINK.USER_ID.eq(userId), ACCOUNT_LINK.KIND.eq(kind), ACCOUNT_LINK.USED_AT.isNull())
                .execute();
    }

    /** Stops every open link of the account: they were sent to an address it no longer has. */
    int retireAllOpen(long userId, Instant now) {
        return db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.USED_AT, now)
                .where(ACCOUNT_LINK.USER_ID.eq(userId), ACCOUNT_LINK.USED_AT.isNull())
                .execute();
    }
}
