package org.convene.reminders;

import org.convene.programme.SessionColumns;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REMINDER_SETTING;
import static org.jooq.Records.mapping;

@Repository
class ReminderRepository {

    private final DSLContext db;

    ReminderRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Every agenda entry whose session starts in [from, to) and is not cancelled, of people whose address is
     * confirmed (a mistyped address belongs to someone else), by person and start.
     */
    List<AgendaSession> upcoming(Instant from, Instant to) {
        return db.select(AGENDA_ITEM.USER_ID, APP_USER.EMAIL, REMINDER_SETTING.TIME_ZONE, PROGRAMME_SESSION.ID,
                        PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT,
                        CONFERENCE.TIME_ZONE, SessionColumns.access(), PROGRAMME_SESSION.JOIN_URL.isNotNull())
                .from(AGENDA_ITEM)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(AGENDA_ITEM.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(AGENDA_ITEM.USER_ID))
                .leftJoin(REMINDER_SETTING).on(REMINDER_SETTING.USER_ID.eq(AGENDA_ITEM.USER_ID))
                .where(PROGRAMME_SESSION.STARTS_AT.ge(from), PROGRAMME_SESSION.STARTS_AT.lt(to),
                        PROGRAMME_SESSION.CANCELLED_AT.isNull(), APP_USER.EMAIL_CONFIRMED_AT.isNotNull())
                .orderBy(AGENDA_ITEM.USER_ID, PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(mapping(AgendaSession::new));
    }

    ReminderSettings settings(long userId) {
        return db.select(REMINDER_SETTING.TIME_ZONE, REMINDER_SETTING.CALENDAR_ALARM).from(REMINDER_SETTING)
                .where(REMINDER_SETTING.USER_ID.eq(userId))
                .fetchOptional(mapping(ReminderSettings::new))
                .orElse(ReminderSettings.DEFAULT);
    }

    void save(long userId, ReminderSettings settings) {
        @Nullable ZoneId zone = settings.timeZone();
        db.insertInto(REMINDER_SETTING)
                .set(REMINDER_SETTING.USER_ID, userId)
                .set(REMINDER_SETTING.TIME_ZONE, zone)
                .set(REMINDER_SETTING.CALENDAR_ALARM, settings.calendarAlarm())
                .onConflict(REMINDER_SETTING.USER_ID).doUpdate()
                .set(REMINDER_SETTING.TIME_ZONE, zone)
                .set(REMINDER_SETTING.CALENDAR_ALARM, settings.calendarAlarm())
                .execute();
    }
}
