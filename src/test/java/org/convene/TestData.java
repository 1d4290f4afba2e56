package org.convene;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionFormat;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.USER_ROLE;

/**
 * Rows for tests, written straight to the database. Every name is unique, because all test classes
 * in a run share one database.
 */
@Component
public class TestData {

    private final DSLContext db;

    public TestData(DSLContext db) {
        this.db = db;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ConveneUser user(Role... extraRoles) {
        String email = unique("user") + "@test.example";
        String name = "Test " + email.substring(5, 13);
        long id = db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.PASSWORD_HASH, "{noop}not-used-in-this-test")
                .set(APP_USER.CREATED_AT, Instant.now())
                .set(APP_USER.EMAIL_CONFIRMED_AT, Instant.now())
                .returning(APP_USER.ID).fetchSingle().getId();
        Set<Role> roles = EnumSet.of(Role.ATTENDEE, extraRoles);
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role)
                    .set(USER_ROLE.GRANTED_AT, Instant.now()).execute();
        }
        return new ConveneUser(id, email, name, "{noop}not-used-in-this-test", roles);
    }

    public long conference(String zone, LocalDate firstDay, LocalDate lastDay) {
        return db.insertInto(CONFERENCE)
                .set(CONFERENCE.SLUG, unique("conf"))
                .set(CONFERENCE.NAME, unique("Conference"))
                .set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of(zone))
                .set(CONFERENCE.FIRST_DAY, firstDay)
                .set(CONFERENCE.LAST_DAY, lastDay)
                .returning(CONFERENCE.ID).fetchSingle().getId();
    }

    /** A session that started ten minutes ago and runs for another hour, in a conference of its own. */
    public long liveSession() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long conference = conference("Europe/London", today.minusDays(1), today.plusDays(1));
        return session(conference, unique("Live session"), now.minusSeconds(600), now.plusSeconds(3600));
    }

    /** Makes the user a facilitator of the session, as programme management would. */
    public void facilitate(long sessionId, ConveneUser user) {
        assign(sessionId, user, PersonRole.FACILITATOR);
    }

    /** Makes the user a captioner of the session, as programme management would. */
    public void caption(long sessionId, ConveneUser user) {
        assign(sessionId, user, PersonRole.CAPTIONER);
    }

    private void assign(long sessionId, ConveneUser user, PersonRole role) {
        long personId = db.insertInto(PERSON).set(PERSON.NAME, user.displayName()).set(PERSON.USER_ID, user.id())
                .returning(PERSON.ID).fetchSingle().getId();
        db.insertInto(SESSION_PERSON).set(SESSION_PERSON.SESSION_ID, sessionId).set(SESSION_PERSON.PERSON_ID, personId)
                .set(SESSION_PERSON.ROLE, role).execute();
    }

    public long session(long conferenceId, String title, Instant start, Instant end) {
        return db.insertInto(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.CONFERENCE_ID, conferenceId)
                .set(PROGRAMME_SESSION.TITLE, title)
                .set(PROGRAMME_SESSION.FORMAT, SessionFormat.WEBINAR)
                .set(PROGRAMME_SESSION.STARTS_AT, start)
                .set(PROGRAMME_SESSION.ENDS_AT, end)
                .set(PROGRAMME_SESSION.JOIN_URL, "https://meet.example.org/" + unique("room"))
                .returning(PROGRAMME_SESSION.ID).fetchSingle().getId();
    }
}
