package org.convene.polls;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.POLL;
import static org.convene.db.Tables.POLL_ANSWER;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_FEEDBACK;

/**
 * Polls' part of a person's data: the answers still linked to them and the feedback they gave. An anonymous poll
 * forgets who answered when it closes, and feedback given by phone was never linked, so neither can be in the
 * download (the read-me says so). When the account goes, answers and feedback stay in the counts but are no
 * longer linked to anyone (their foreign keys set null).
 */
@Repository
class PollsPersonalData implements PersonalDataSection {

    private final DSLContext db;

    PollsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "polls";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(
                PersonalDataTable.of("answers", "Your answers to polls (option numbers). Answers to anonymous polls "
                                + "that have closed are not linked to you, so they are not here.",
                        List.of("Session id", "Session", "Poll", "Your choices", "Answered (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, POLL.QUESTION, POLL_ANSWER.CHOICES,
                                        POLL_ANSWER.ANSWERED_AT)
                                .from(POLL_ANSWER).join(POLL).on(POLL.ID.eq(POLL_ANSWER.POLL_ID))
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(POLL.SESSION_ID))
                                .where(POLL_ANSWER.USER_ID.eq(userId)).orderBy(POLL_ANSWER.ANSWERED_AT)
                                .fetch(r -> List.of(r.value1(), r.value2(), r.value3(), choices(r.value4()),
                                        r.value5()))),
                PersonalDataTable.of("feedback", "The feedback you gave after sessions. Feedback given by phone "
                                + "is not linked to you, so it is not here.",
                        List.of("Session id", "Session", "Useful (1 to 5)", "Accessible (1 to 5)", "Come again",
                                "Comment", "Given (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, SESSION_FEEDBACK.USEFUL,
                                        SESSION_FEEDBACK.ACCESSIBLE, SESSION_FEEDBACK.COME_AGAIN, SESSION_FEEDBACK.COMMENT,
                                        SESSION_FEEDBACK.GIVEN_AT)
                                .from(SESSION_FEEDBACK)
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(SESSION_FEEDBACK.SESSION_ID))
                                .where(SESSION_FEEDBACK.USER_ID.eq(userId)).orderBy(SESSION_FEEDBACK.GIVEN_AT)
                                .fetch(Record::intoList)));
    }

    private static String choices(Short[] positions) {
        return java.util.Arrays.stream(positions).map(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }
}
