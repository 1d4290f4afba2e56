package org.convene.agenda;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REGISTRATION_ANSWER;
import static org.convene.db.Tables.REGISTRATION_REQUEST;
import static org.jooq.Records.mapping;

/** Requests for a place at sessions that need the hosts' approval, and the answers people have not dismissed. */
@Repository
class RegistrationQueries {

    private final DSLContext db;

    RegistrationQueries(DSLContext db) {
        this.db = db;
    }

    /** Idempotent: asking twice keeps the first request and its place in the hosts' list. */
    void ask(long userId, long sessionId, Instant now) {
        db.insertInto(REGISTRATION_REQUEST)
                .set(REGISTRATION_REQUEST.USER_ID, userId)
                .set(REGISTRATION_REQUEST.SESSION_ID, sessionId)
                .set(REGISTRATION_REQUEST.ASKED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    boolean withdraw(long userId, long sessionId) {
        return db.deleteFrom(REGISTRATION_REQUEST)
                .where(REGISTRATION_REQUEST.USER_ID.eq(userId), REGISTRATION_REQUEST.SESSION_ID.eq(sessionId))
                .execute() == 1;
    }

    /** Takes the request away for answering; empty when it is no longer waiting (withdrawn, or answered). */
    Optional<Long> take(long requestId, long sessionId) {
        return db.deleteFrom(REGISTRATION_REQUEST)
                .where(REGISTRATION_REQUEST.ID.eq(requestId), REGISTRATION_REQUEST.SESSION_ID.eq(sessionId))
                .returning(REGISTRATION_REQUEST.USER_ID)
                .fetchOptional(REGISTRATION_REQUEST.USER_ID);
    }

    /** The user who asked, while the request waits. */
    Optional<Long> asker(long requestId, long sessionId) {
        return db.select(REGISTRATION_REQUEST.USER_ID).from(REGISTRATION_REQUEST)
                .where(REGISTRATION_REQUEST.ID.eq(requestId), REGISTRATION_REQUEST.SESSION_ID.eq(sessionId))
                .fetchOptional(REGISTRATION_REQUEST.USER_ID);
    }

    int countPending(long sessionId) {
        return db.fetchCount(REGISTRATION_REQUEST, REGISTRATION_REQUEST.SESSION_ID.eq(sessionId));
    }

    /** One page of the requests waiting, first asked first. */
    List<RegistrationRequest> pending(long sessionId, int offset, int limit) {
        return db.select(REGISTRATION_REQUEST.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, REGISTRATION_REQUEST.ASKED_AT)
                .from(REGISTRATION_REQUEST)
                .join(APP_USER).on(APP_USER.ID.eq(REGISTRATION_REQUEST.USER_ID))
                .where(REGISTRATION_REQUEST.SESSION_ID.eq(sessionId))
                .orderBy(REGISTRATION_REQUEST.ASKED_AT, REGISTRATION_REQUEST.ID)
                .offset(offset).limit(limit)
                .fetch(mapping(RegistrationRequest::new));
    }

    /** Stores the answer for the person's agenda; returns its id (the email's idempotency key). */
    long answer(long userId, long sessionId, boolean approved, @Nullable String message, Instant now) {
        return db.insertInto(REGISTRATION_ANSWER)
                .set(REGISTRATION_ANSWER.USER_ID, userId)
                .set(REGISTRATION_ANSWER.SESSION_ID, sessionId)
                .set(REGISTRATION_ANSWER.APPROVED, approved)
                .set(REGISTRATION_ANSWER.MESSAGE, message)
                .set(REGISTRATION_ANSWER.ANSWERED_AT, now)
                .returning(REGISTRATION_ANSWER.ID)
                .fetchSingle(REGISTRATION_ANSWER.ID);
    }

    /** Answers to me that I have not dismissed, newest first. */
    List<RegistrationAnswer> unseenAnswers(long userId) {
        return db.select(REGISTRATION_ANSWER.ID, REGISTRATION_ANSWER.SESSION_ID, PROGRAMME_SESSION.TITLE,
                        REGISTRATION_ANSWER.APPROVED, REGISTRATION_ANSWER.MESSAGE, REGISTRATION_ANSWER.ANSWERED_AT)
                .from(REGISTRATION_ANSWER)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(REGISTRATION_ANSWER.SESSION_ID))
                .where(REGISTRATION_ANSWER.USER_ID.eq(userId), REGISTRATION_ANSWER.SEEN.isFalse())
                .orderBy(REGISTRATION_ANSWER.ID.desc())
                .fetch(mapping(RegistrationAnswer::new));
    }

    boolean dismiss(long userId, long answerId) {
        return db.update(REGISTRATION_ANSWER).set(REGISTRATION_ANSWER.SEEN, true)
                .where(REGISTRATION_ANSWER.ID.eq(answerId), REGISTRATION_ANSWER.USER_ID.eq(userId),
                        REGISTRATION_ANSWER.SEEN.isFalse())
                .execute() == 1;
    }
}
