package org.convene.account;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.ACCOUNT_LINK;
import static org.convene.db.Tables.API_TOKEN;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.USER_ROLE;

/**
 * The account itself: details, display choices, roles, tokens and the links we emailed. Password hashes, token
 * secrets and link secrets are never part of it (only hashes are kept, and a hash is of no use to the person).
 * Everything here is deleted with the account by the foreign keys.
 */
@Repository
class AccountPersonalData implements PersonalDataSection {

    private final DSLContext db;

    AccountPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("details", "Your name, email address, when you signed up and how pages look for you.",
                        List.of("Name", "Email address", "Signed up (UTC)", "Address confirmed (UTC)", "High contrast",
                                "Text size"),
                        db.select(APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.CREATED_AT, APP_USER.EMAIL_CONFIRMED_AT,
                                        APP_USER.HIGH_CONTRAST, APP_USER.TEXT_SIZE)
                                .from(APP_USER).where(APP_USER.ID.eq(userId)).fetch(Record::intoList)),
                PersonalDataTable.of("roles", "What you may do in Convene, and since when.",
                        List.of("Role", "Given (UTC)"),
                        db.select(USER_ROLE.ROLE, USER_ROLE.GRANTED_AT).from(USER_ROLE)
                                .where(USER_ROLE.USER_ID.eq(userId)).orderBy(USER_ROLE.GRANTED_AT, USER_ROLE.ROLE)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("tokens", "Access tokens you made for apps and scripts (never the tokens "
                                + "themselves: we keep only a scrambled form of them).",
                        List.of("Name", "Created (UTC)", "Last used (UTC)", "Revoked (UTC)"),
                        db.select(API_TOKEN.NAME, API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT, API_TOKEN.REVOKED_AT)
                                .from(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId)).orderBy(API_TOKEN.CREATED_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("email-links", "Links we emailed you: to confirm your address, set a new "
                                + "password or change your address (never the links themselves).",
                        List.of("Kind", "New address", "Sent (UTC)", "Expires (UTC)", "Used (UTC)"),
                        db.select(ACCOUNT_LINK.KIND, ACCOUNT_LINK.NEW_EMAIL, ACCOUNT_LINK.CREATED_AT,
                                        ACCOUNT_LINK.EXPIRES_AT, ACCOUNT_LINK.USED_AT)
                                .from(ACCOUNT_LINK).where(ACCOUNT_LINK.USER_ID.eq(userId))
                                .orderBy(ACCOUNT_LINK.CREATED_AT).fetch(Record::intoList)));
    }

    /** Deletes the account's row; the foreign keys delete or unlink the rest. False if there was none. */
    boolean deleteAccount(long userId) {
        return db.deleteFrom(APP_USER).where(APP_USER.ID.eq(userId)).execute() == 1;
    }
}
