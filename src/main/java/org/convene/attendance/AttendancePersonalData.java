package org.convene.attendance;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_IMPORT;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.ATTENDANCE_WITHDRAWAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Attendance's part of a person's data: when they were in each session, and whether they agreed to be named in
 * reports, and the lines of meeting tools' reports matched to them. All go with the account (the intervals by their
 * foreign key), so reports then count one person fewer.
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
                PersonalDataTable.of("times", "When you were in each session: joined and left, and where Convene "
                                + "learnt it (its own pages, a meeting tool's report, or a facilitator who noted a phone join).",
                        List.of("Session id", "Session", "Joined (UTC)", "Left (UTC)", "Source"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, ATTENDANCE_INTERVAL.JOINED_AT,
                                        ATTENDANCE_INTERVAL.LEFT_AT, ATTENDANCE_INTERVAL.SOURCE)
                                .from(ATTENDANCE_INTERVAL)
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID))
                                .where(ATTENDANCE_INTERVAL.USER_ID.eq(userId))
                                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.ID)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("consent", "Whether you agreed that attendance reports may show your name.",
                        List.of("Named in reports"),
                        db.select(APP_USER.NAMED_IN_REPORTS).from(APP_USER).where(APP_USER.ID.eq(userId))
                                .fetch(Record::intoList)),
                PersonalDataTable.of("meeting-reports", "Lines of meeting tools' reports that were matched to you, "
                                + "as the report had them.",
                        List.of("Session", "Tool", "Name in the report", "Email in the report", "Joined (UTC)",
                                "Left (UTC)"),
                        db.select(PROGRAMME_SESSION.TITLE, ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT_ROW.NAME,
                                        ATTENDANCE_IMPORT_ROW.EMAIL, ATTENDANCE_IMPORT_ROW.JOINED_AT,
                                        ATTENDANCE_IMPORT_ROW.LEFT_AT)
                                .from(ATTENDANCE_IMPORT_ROW)
                                .join(ATTENDANCE_IMPORT).on(ATTENDANCE_IMPORT.ID.eq(ATTENDANCE_IMPORT_ROW.IMPORT_ID))
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_IMPORT.SESSION_ID))
                                .where(ATTENDANCE_IMPORT_ROW.USER_ID.eq(userId))
                                .orderBy(ATTENDANCE_IMPORT_ROW.JOINED_AT, ATTENDANCE_IMPORT_ROW.ID)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("deleted", "When you last deleted your attendance records. Meeting tools' "
                                + "reports of sessions before then are not matched to you again.",
                        List.of("Deleted (UTC)"),
                        db.select(ATTENDANCE_WITHDRAWAL.WITHDRAWN_AT).from(ATTENDANCE_WITHDRAWAL)
                                .where(ATTENDANCE_WITHDRAWAL.USER_ID.eq(userId)).fetch(Record::intoList)));
    }

    /**
     * A meeting tool's report keeps the person's name and address as the tool wrote them: without this, the
     * foreign key would only unlink those lines and leave them listed as unmatched, name and all.
     */
    @Override
    public void forget(long userId) {
        db.deleteFrom(ATTENDANCE_IMPORT_ROW).where(ATTENDANCE_IMPORT_ROW.USER_ID.eq(userId)).execute();
    }
}
