package org.convene.attendance;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** Each person's merged presence (sql/person-presence.sql) and the conferences' attendance rules. */
@Repository
class PresenceQueries {

    static final String PERSON_PRESENCE = AttendanceReportQueries.sql("person-presence.sql");

    private final DSLContext db;

    PresenceQueries(DSLContext db) {
        this.db = db;
    }

    List<PersonPresence> presence(Collection<Long> sessionIds, @Nullable Long userId) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = sessionIds.toArray(Long[]::new);
        return db.resultQuery(PERSON_PRESENCE, ids, userId, userId).fetch(r -> new PersonPresence(
                r.get(0, Long.class), r.get(1, Long.class), Duration.ofSeconds(r.get(2, Long.class)),
                Duration.ofSeconds(r.get(3, Long.class)), new AttendanceRule(r.get(4, Integer.class))));
    }

    List<Long> sessionsOf(long conferenceId) {
        return db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(PROGRAMME_SESSION.ID);
    }

    @Nullable AttendanceRule rule(long conferenceId) {
        Short percent = db.select(CONFERENCE.ATTENDANCE_RULE_PERCENT).from(CONFERENCE)
                .where(CONFERENCE.ID.eq(conferenceId)).fetchOne(CONFERENCE.ATTENDANCE_RULE_PERCENT);
        return percent == null ? null : new AttendanceRule(percent);
    }

    boolean setRule(long conferenceId, AttendanceRule rule) {
        return db.update(CONFERENCE).set(CONFERENCE.ATTENDANCE_RULE_PERCENT, (short) rule.percent())
                .where(CONFERENCE.ID.eq(conferenceId)).execute() == 1;
    }
}
