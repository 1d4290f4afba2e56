package org.convene.access;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.ACCESS_NEEDS;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL_NOTICE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** Access needs a person recorded and the notices they were sent; all deleted with the account. */
@Repository
class AccessPersonalData implements PersonalDataSection {

    private final DSLContext db;

    AccessPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "access";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("needs", "The access needs you recorded, and when you last saved them.",
                        List.of("Need", "Saved (UTC)"),
                        db.select(ACCESS_NEED_FEATURE.FEATURE, ACCESS_NEEDS.UPDATED_AT)
                                .from(ACCESS_NEEDS).join(ACCESS_NEED_FEATURE)
                                .on(ACCESS_NEED_FEATURE.USER_ID.eq(ACCESS_NEEDS.USER_ID))
                                .where(ACCESS_NEEDS.USER_ID.eq(userId)).orderBy(ACCESS_NEED_FEATURE.FEATURE)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("withdrawn-notices", "Notices we gave you that a session stopped offering "
                                + "something you need.",
                        List.of("Session id", "Session", "Need", "Withdrawn (UTC)", "Dismissed (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, ACCESS_WITHDRAWAL.FEATURE,
                                        ACCESS_WITHDRAWAL.WITHDRAWN_AT, ACCESS_WITHDRAWAL_NOTICE.DISMISSED_AT)
                                .from(ACCESS_WITHDRAWAL_NOTICE)
                                .join(ACCESS_WITHDRAWAL).on(ACCESS_WITHDRAWAL.ID.eq(ACCESS_WITHDRAWAL_NOTICE.WITHDRAWAL_ID))
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ACCESS_WITHDRAWAL.SESSION_ID))
                                .where(ACCESS_WITHDRAWAL_NOTICE.USER_ID.eq(userId))
                                .orderBy(ACCESS_WITHDRAWAL_NOTICE.WITHDRAWAL_ID)
                                .fetch(Record::intoList)));
    }
}
