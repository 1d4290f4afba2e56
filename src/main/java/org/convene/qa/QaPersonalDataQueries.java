package org.convene.qa;

import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_REPLY;
import static org.convene.db.Tables.QUESTION_VOTE;

/** Live Q&A's rows about one person, for {@link QaPersonalData}. */
@Repository
class QaPersonalDataQueries {

    private final DSLContext db;

    QaPersonalDataQueries(DSLContext db) {
        this.db = db;
    }

    List<PersonalDataTable> tables(long userId) {
        return List.of(
                PersonalDataTable.of("asked", "The questions you asked in sessions, including anonymous ones.",
                        List.of("Session id", "Session", "Question", "Anonymous", "State", "Votes", "Asked (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, QUESTION.TEXT, QUESTION.ANONYMOUS,
                                        QUESTION.STATE, QUESTION.VOTE_COUNT, QUESTION.CREATED_AT)
                                .from(QUESTION).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(QUESTION.SESSION_ID))
                                .where(QUESTION.AUTHOR_ID.eq(userId)).orderBy(QUESTION.CREATED_AT, QUESTION.ID)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("votes", "The questions you voted for.",
                        List.of("Session id", "Session", "Question", "Voted (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, QUESTION.TEXT, QUESTION_VOTE.CREATED_AT)
                                .from(QUESTION_VOTE).join(QUESTION).on(QUESTION.ID.eq(QUESTION_VOTE.QUESTION_ID))
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(QUESTION.SESSION_ID))
                                .where(QUESTION_VOTE.USER_ID.eq(userId)).orderBy(QUESTION_VOTE.CREATED_AT)
                                .fetch(Record::intoList)),
                PersonalDataTable.of("replies", "Replies you wrote to questions, as a facilitator.",
                        List.of("Session id", "Session", "Question", "Your reply", "Written (UTC)"),
                        db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, QUESTION.TEXT, QUESTION_REPLY.TEXT,
                                        QUESTION_REPLY.CREATED_AT)
                                .from(QUESTION_REPLY).join(QUESTION).on(QUESTION.ID.eq(QUESTION_REPLY.QUESTION_ID))
                                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(QUESTION.SESSION_ID))
                                .where(QUESTION_REPLY.AUTHOR_ID.eq(userId)).orderBy(QUESTION_REPLY.CREATED_AT)
                                .fetch(Record::intoList)));
    }

    /** A reply carries its author's name as written then, so it is replaced here; the questions' marker is V33's. */
    void renameReplies(long userId) {
        db.update(QUESTION_REPLY).set(QUESTION_REPLY.AUTHOR_NAME, QuestionView.FORMER_ATTENDEE)
                .where(QUESTION_REPLY.AUTHOR_ID.eq(userId)).execute();
    }

    record Shown(long sessionId, long questionId, QuestionState state) {
    }

    /** The person's questions that show their name (not anonymous ones) and those their replies are on. */
    List<Shown> namedQuestionsAndRepliedTo(long userId) {
        return db.selectDistinct(QUESTION.SESSION_ID, QUESTION.ID, QUESTION.STATE).from(QUESTION)
                .where(QUESTION.AUTHOR_ID.eq(userId).and(QUESTION.ANONYMOUS.isFalse())
                        .or(QUESTION.ID.in(DSL.select(QUESTION_REPLY.QUESTION_ID).from(QUESTION_REPLY)
                                .where(QUESTION_REPLY.AUTHOR_ID.eq(userId)))))
                .orderBy(QUESTION.SESSION_ID, QUESTION.ID)
                .fetch(r -> new Shown(r.value1(), r.value2(), r.value3()));
    }
}
