package org.convene.attendance;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Attendance's part of a person's data: when they were in each session, and whether they agreed to be named in
 * reports. Both go with the account (the intervals by their foreign key), so reports then count one person fewer.
 */
@Repository
class AttendancePersonalData implements PersonalDataSection {

    private final DSLContext db;

    AttendancePersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "attendance";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("times", "When you were in each session: joined and left.",
                        List.of("Session id", "Session", "Joined (UTC)", "Left (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, ATTENDANCE_INTERVAL.JOINED_AT,
                                        ATTENDANCE_INTERVAL.LEFT_AT)
                                .from(ATTENDANCE_INTERVAL)
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID))
                                .where(ATTENDANCE_INTERVAL.USER_ID.eq(userId))
                                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.ID)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("consent", "Whether you agreed that attendance reports may show your name.",
                        List.of("Named in reports"),
                        db.select(APP_USER.NAMED_IN_REPORTS).from(APP_USER).where(APP_USER.ID.eq(userId))
                                .fetch(Record::intoList)));
    }
}
