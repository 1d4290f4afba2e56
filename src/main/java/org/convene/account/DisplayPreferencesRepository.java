package org.convene.account;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.jooq.Records.mapping;

/** Display preferences are two columns of the person's account row. */
@Repository
class DisplayPreferencesRepository {

    private final DSLContext db;

    DisplayPreferencesRepository(DSLContext db) {
        this.db = db;
    }

    Optional<DisplayPreferences> of(long userId) {
        return db.select(APP_USER.HIGH_CONTRAST, APP_USER.TEXT_SIZE).from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(DisplayPreferences::new));
    }

    void save(long userId, DisplayPreferences preferences) {
        db.update(APP_USER)
                .set(APP_USER.HIGH_CONTRAST, preferences.highContrast())
                .set(APP_USER.TEXT_SIZE, preferences.textSize())
                .where(APP_USER.ID.eq(userId))
                .execute();
    }
}
