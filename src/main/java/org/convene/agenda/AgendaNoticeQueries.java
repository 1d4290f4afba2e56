package org.convene.agenda;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_CHANGE;

/** Reads the changes the database records for every session (a trigger writes session_change) for one agenda. */
@Repository
class AgendaNoticeQueries {

    private final DSLContext db;

    AgendaNoticeQueries(DSLContext db) {
        this.db = db;
    }

    /** Changes to sessions on the user's agenda after the last one they saw, one notice per session. */
    List<AgendaNotice> unseen(long userId) {
        var c = SESSION_CHANGE;
        var s = PROGRAMME_SESSION;
        Map<Long, List<org.jooq.Record>> bySession = new LinkedHashMap<>();
        db.select(c.ID, c.SESSION_ID, c.KIND, c.OLD_STARTS_AT, c.OLD_ENDS_AT, c.NEW_STARTS_AT, c.NEW_ENDS_AT,
                        s.TITLE, s.STARTS_AT, s.ENDS_AT, s.CANCELLATION_REASON, CONFERENCE.TIME_ZONE)
                .from(c)
                .join(AGENDA_ITEM).on(AGENDA_ITEM.SESSION_ID.eq(c.SESSION_ID), AGENDA_ITEM.USER_ID.eq(userId))
                .join(s).on(s.ID.eq(c.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(s.CONFERENCE_ID))
                .where(c.ID.gt(AGENDA_ITEM.SEEN_CHANGE_ID))
                .orderBy(c.ID)
                .fetch()
                .forEach(r -> bySession.computeIfAbsent(r.get(c.SESSION_ID), id -> new ArrayList<>()).add(r));
        List<AgendaNotice> notices = new ArrayList<>();
        bySession.forEach((sessionId, changes) -> {
            var first = changes.getFirst();
            var last = changes.getLast();
            notices.add(new AgendaNotice(last.get(c.ID), sessionId, last.get(s.TITLE),
                    last.get(c.KIND),
                    first.get(c.OLD_STARTS_AT), first.get(c.OLD_ENDS_AT),
                    // the session's time now, not the change's: later edits may have moved it again
                    last.get(s.STARTS_AT), last.get(s.ENDS_AT),
                    last.get(CONFERENCE.TIME_ZONE), blankToNull(last.get(s.CANCELLATION_REASON))));
        });
        // newest news first
        notices.sort((a, b) -> Long.compare(b.changeId(), a.changeId()));
        return notices;
    }

    /** Only a change of that session counts, so a made-up id cannot hide the session's future changes. */
    boolean dismiss(long userId, long sessionId, long changeId) {
        return db.update(AGENDA_ITEM)
                .set(AGENDA_ITEM.SEEN_CHANGE_ID, DSL.greatest(AGENDA_ITEM.SEEN_CHANGE_ID, DSL.val(changeId)))
                .where(AGENDA_ITEM.USER_ID.eq(userId), AGENDA_ITEM.SESSION_ID.eq(sessionId))
                .and(DSL.exists(DSL.selectOne().from(SESSION_CHANGE)
                        .where(SESSION_CHANGE.ID.eq(changeId), SESSION_CHANGE.SESSION_ID.eq(sessionId))))
                .execute() == 1;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
