package org.convene.attendance;

import org.convene.core.security.ConveneUser;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/** A small finished week with attendance, for the report views' tests. */
public class AttendanceFixture {

    public static final LocalDate MONDAY = LocalDate.of(2031, 11, 10);

    public final ProgrammeFixture programme;
    public final ConferenceSummary week;
    public final HostRef host;
    public final long session;
    private final DSLContext db;

    public AttendanceFixture(DSLContext db) {
        this.db = db;
        this.programme = new ProgrammeFixture(db);
        this.week = programme.conference("Report week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        this.host = programme.host("Carers Together");
        this.session = programme.session(week, "Planning care together")
                .at(Instant.parse("2031-11-10T10:00:00Z"), Instant.parse("2031-11-10T11:00:00Z")).host(host).create();
    }

    public void stay(ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, Instant.parse("2031-11-10T" + from + ":00Z"))
                .set(ATTENDANCE_INTERVAL.LEFT_AT, Instant.parse("2031-11-10T" + to + ":00Z"))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, Instant.parse("2031-11-10T" + to + ":00Z"))
                .execute();
    }

    public void register(ConveneUser user) {
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, session)
                .set(AGENDA_ITEM.ADDED_AT, Instant.parse("2031-11-01T12:00:00Z")).execute();
    }

    public void named(ConveneUser user) {
        db.update(APP_USER).set(APP_USER.NAMED_IN_REPORTS, true).where(APP_USER.ID.eq(user.id())).execute();
    }

    /** Makes the user a coordinator of the host, as accepting an invitation would. */
    public void coordinate(ConveneUser user, HostRef of) {
        programme.coordinate(user, of.id(), Instant.parse("2031-11-01T12:00:00Z"));
    }

    /** A session of another host organisation in the same week. */
    public long otherHostsSession(HostRef other) {
        return programme.session(week, "Another organisation's session")
                .at(Instant.parse("2031-11-11T10:00:00Z"), Instant.parse("2031-11-11T11:00:00Z")).host(other).create();
    }

    public void cleanUp() {
        programme.cleanUp();
    }
}
