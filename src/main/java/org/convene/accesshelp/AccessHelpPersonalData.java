package org.convene.accesshelp;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.ACCESS_HELP_SIGNAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * The access help signals a person sent. They are linked to the person only to limit how many one person sends;
 * when the account goes they stay in the session's totals, linked to nobody (their foreign key sets null).
 */
@Repository
class AccessHelpPersonalData implements PersonalDataSection {

    private final DSLContext db;

    AccessHelpPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "access-help";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(PersonalDataTable.of("signals", "The access help you asked for during sessions, such as "
                        + "“Captions have stopped”.",
                List.of("Session id", "Session", "Kind", "Your words", "Sent (UTC)"),
                db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, ACCESS_HELP_SIGNAL.KIND, ACCESS_HELP_SIGNAL.NOTE,
                                ACCESS_HELP_SIGNAL.SENT_AT)
                        .from(ACCESS_HELP_SIGNAL).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ACCESS_HELP_SIGNAL.SESSION_ID))
                        .where(ACCESS_HELP_SIGNAL.USER_ID.eq(userId)).orderBy(ACCESS_HELP_SIGNAL.SENT_AT)
                        .fetch(Record::intoList)));
    }
}
