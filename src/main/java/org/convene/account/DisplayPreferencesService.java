package org.convene.account;

import org.convene.core.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.convene.db.Tables.APP_USER;

/** The signed-in person's display preferences; someone not signed in gets the defaults. */
@Service
@Transactional
public class DisplayPreferencesService {

    private final DSLContext db;
    private final CurrentUser currentUser;

    DisplayPreferencesService(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public DisplayPreferences mine() {
        return currentUser.get()
                .flatMap(user -> db.select(APP_USER.HIGH_CONTRAST, APP_USER.TEXT_SIZE).from(APP_USER)
                        .where(APP_USER.ID.eq(user.id()))
                        .fetchOptional(r -> new DisplayPreferences(r.value1(), DisplayPreferences.TextSize.valueOf(r.value2()))))
                .orElse(DisplayPreferences.DEFAULT);
    }

    public void save(DisplayPreferences preferences) {
        long userId = currentUser.require().id();
        db.update(APP_USER)
                .set(APP_USER.HIGH_CONTRAST, preferences.highContrast())
                .set(APP_USER.TEXT_SIZE, preferences.textSize().name())
                .where(APP_USER.ID.eq(userId))
                .execute();
    }
}
