package org.convene.reminders;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.REMINDER_SETTING;

/** A person's reminder settings; deleted with the account. */
@Repository
class RemindersPersonalData implements PersonalDataSection {

    private final DSLContext db;

    RemindersPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(PersonalDataTable.of("settings", "The time zone of your reminders (empty: each conference's "
                        + "own) and whether your calendar feed has an alarm.",
                List.of("Time zone", "Calendar alarm"),
                db.select(REMINDER_SETTING.TIME_ZONE, REMINDER_SETTING.CALENDAR_ALARM).from(REMINDER_SETTING)
                        .where(REMINDER_SETTING.USER_ID.eq(userId)).fetch(Record::intoList)));
    }
}
