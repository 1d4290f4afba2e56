package org.convene.agenda;

import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CALENDAR_FEED;
import static org.convene.db.Tables.PLACE_GIVEN;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REGISTRATION_ANSWER;
import static org.convene.db.Tables.REGISTRATION_REQUEST;
import static org.convene.db.Tables.WAITING_LIST_ENTRY;

/** The agenda's rows about one person, for their download and for deleting their account. */
@Repository
class AgendaPersonalDataQueries {

    private final DSLContext db;

    AgendaPersonalDataQueries(DSLContext db) {
        this.db = db;
    }

    List<PersonalDataTable> tables(long userId) {
        return List.of(
                PersonalDataTable.of("agenda", "The sessions on your agenda (for a session with places, your place).",
                        List.of("Session id", "Session", "Starts (UTC)", "Ends (UTC)", "Added (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                                        PROGRAMME_SESSION.ENDS_AT, AGENDA_ITEM.ADDED_AT)
                                .from(AGENDA_ITEM).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(AGENDA_ITEM.SESSION_ID))
                                .where(AGENDA_ITEM.USER_ID.eq(userId)).orderBy(PROGRAMME_SESSION.STARTS_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("waiting-lists", "The waiting lists you are on, and when you joined each.",
                        List.of("Session id", "Session", "Joined (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, WAITING_LIST_ENTRY.JOINED_AT)
                                .from(WAITING_LIST_ENTRY)
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(WAITING_LIST_ENTRY.SESSION_ID))
                                .where(WAITING_LIST_ENTRY.USER_ID.eq(userId)).orderBy(WAITING_LIST_ENTRY.JOINED_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("places-given", "Places you got from a waiting list, and whether you have seen "
                                + "the notice.",
                        List.of("Session id", "Session", "Given (UTC)", "Seen"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PLACE_GIVEN.GIVEN_AT, PLACE_GIVEN.SEEN)
                                .from(PLACE_GIVEN).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(PLACE_GIVEN.SESSION_ID))
                                .where(PLACE_GIVEN.USER_ID.eq(userId)).orderBy(PLACE_GIVEN.GIVEN_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("place-requests", "Places you asked for at sessions whose hosts approve each "
                                + "person, still waiting for an answer.",
                        List.of("Session id", "Session", "Asked (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, REGISTRATION_REQUEST.ASKED_AT)
                                .from(REGISTRATION_REQUEST).join(PROGRAMME_SESSION)
                                .on(PROGRAMME_SESSION.ID.eq(REGISTRATION_REQUEST.SESSION_ID))
                                .where(REGISTRATION_REQUEST.USER_ID.eq(userId)).orderBy(REGISTRATION_REQUEST.ASKED_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("place-answers", "The hosts' answers to your requests for a place, with their "
                                + "message.",
                        List.of("Session id", "Session", "Approved", "Message", "Answered (UTC)", "Seen"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, REGISTRATION_ANSWER.APPROVED,
                                        REGISTRATION_ANSWER.MESSAGE, REGISTRATION_ANSWER.ANSWERED_AT,
                                        REGISTRATION_ANSWER.SEEN)
                                .from(REGISTRATION_ANSWER).join(PROGRAMME_SESSION)
                                .on(PROGRAMME_SESSION.ID.eq(REGISTRATION_ANSWER.SESSION_ID))
                                .where(REGISTRATION_ANSWER.USER_ID.eq(userId)).orderBy(REGISTRATION_ANSWER.ANSWERED_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("calendar-feed", "When you made your private calendar feed (not its secret "
                                + "address).",
                        List.of("Made (UTC)"),
                        db.select(CALENDAR_FEED.CREATED_AT).from(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(userId))
                                .fetch(Record::intoList)));
    }

    /**
     * Takes the person off every agenda and waiting list, answering the sessions whose places they held: those may
     * now have a place for someone waiting.
     */
    List<Long> removeEverywhere(long userId) {
        List<Long> held = db.deleteFrom(AGENDA_ITEM).where(AGENDA_ITEM.USER_ID.eq(userId))
                .returning(AGENDA_ITEM.SESSION_ID).fetch(AGENDA_ITEM.SESSION_ID);
        db.deleteFrom(WAITING_LIST_ENTRY).where(WAITING_LIST_ENTRY.USER_ID.eq(userId)).execute();
        return db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.in(held), PROGRAMME_SESSION.CAPACITY.isNotNull())
                .orderBy(PROGRAMME_SESSION.ID).fetch(PROGRAMME_SESSION.ID);
    }
}
