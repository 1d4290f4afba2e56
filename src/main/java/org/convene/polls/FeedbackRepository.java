package org.convene.polls;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_FEEDBACK;

@Repository
class FeedbackRepository {

    private final DSLContext db;

    FeedbackRepository(DSLContext db) {
        this.db = db;
    }

    /** One feedback per person per session: the unique key decides when two arrive at once, and the last one wins. */
    void give(long sessionId, long userId, FeedbackDraft draft, Instant now) {
        db.insertInto(SESSION_FEEDBACK)
                .set(SESSION_FEEDBACK.SESSION_ID, sessionId)
                .set(SESSION_FEEDBACK.USER_ID, userId)
                .set(SESSION_FEEDBACK.USEFUL, score(draft.useful()))
                .set(SESSION_FEEDBACK.ACCESSIBLE, score(draft.accessible()))
                .set(SESSION_FEEDBACK.COME_AGAIN, draft.comeAgain())
                .set(SESSION_FEEDBACK.COMMENT, draft.comment().isEmpty() ? null : draft.comment())
                .set(SESSION_FEEDBACK.BY_PHONE, false)
                .set(SESSION_FEEDBACK.GIVEN_AT, now)
                .onConflict(SESSION_FEEDBACK.SESSION_ID, SESSION_FEEDBACK.USER_ID)
                .doUpdate()
                .set(SESSION_FEEDBACK.USEFUL, score(draft.useful()))
                .set(SESSION_FEEDBACK.ACCESSIBLE, score(draft.accessible()))
                .set(SESSION_FEEDBACK.COME_AGAIN, draft.comeAgain())
                .set(SESSION_FEEDBACK.COMMENT, draft.comment().isEmpty() ? null : draft.comment())
                .set(SESSION_FEEDBACK.GIVEN_AT, now)
                .execute();
    }

    void enterByPhone(long sessionId, long enteredBy, FeedbackDraft draft, Instant now) {
        db.insertInto(SESSION_FEEDBACK)
                .set(SESSION_FEEDBACK.SESSION_ID, sessionId)
                .set(SESSION_FEEDBACK.USEFUL, score(draft.useful()))
                .set(SESSION_FEEDBACK.ACCESSIBLE, score(draft.accessible()))
                .set(SESSION_FEEDBACK.COME_AGAIN, draft.comeAgain())
                .set(SESSION_FEEDBACK.COMMENT, draft.comment().isEmpty() ? null : draft.comment())
                .set(SESSION_FEEDBACK.BY_PHONE, true)
                .set(SESSION_FEEDBACK.ENTERED_BY, enteredBy)
                .set(SESSION_FEEDBACK.GIVEN_AT, now)
                .execute();
    }

    Optional<FeedbackDraft> mine(long sessionId, long userId) {
        return db.select(SESSION_FEEDBACK.USEFUL, SESSION_FEEDBACK.ACCESSIBLE, SESSION_FEEDBACK.COME_AGAIN,
                        SESSION_FEEDBACK.COMMENT)
                .from(SESSION_FEEDBACK)
                .where(SESSION_FEEDBACK.SESSION_ID.eq(sessionId), SESSION_FEEDBACK.USER_ID.eq(userId))
                .fetchOptional(r -> new FeedbackDraft(integer(r.value1()), integer(r.value2()), r.value3(),
                        r.value4() == null ? "" : r.value4()));
    }

    /** Counts every answer in one pass over the session's feedback, and the free texts in the order given. */
    FeedbackSummary summary(long sessionId) {
        return summary(sessionId, List.of(sessionId));
    }

    /** Several sessions' feedback added up (a host's); the summary's session id is then 0. */
    FeedbackSummary summary(List<Long> sessionIds) {
        return summary(0, sessionIds);
    }

    private FeedbackSummary summary(long sessionId, List<Long> sessionIds) {
        Map<Integer, Integer> useful = new HashMap<>();
        Map<Integer, Integer> accessible = new HashMap<>();
        Map<ComeAgain, Integer> comeAgain = new EnumMap<>(ComeAgain.class);
        int[] given = {0, 0};
        List<String> comments = new java.util.ArrayList<>();
        db.select(SESSION_FEEDBACK.USEFUL, SESSION_FEEDBACK.ACCESSIBLE, SESSION_FEEDBACK.COME_AGAIN,
                        SESSION_FEEDBACK.COMMENT, SESSION_FEEDBACK.BY_PHONE)
                .from(SESSION_FEEDBACK).where(SESSION_FEEDBACK.SESSION_ID.in(sessionIds))
                .orderBy(SESSION_FEEDBACK.ID)
                .forEach(r -> {
                    given[0]++;
                    if (Boolean.TRUE.equals(r.value5())) {
                        given[1]++;
                    }
                    if (r.value1() != null) {
                        useful.merge((int) r.value1(), 1, Integer::sum);
                    }
                    if (r.value2() != null) {
                        accessible.merge((int) r.value2(), 1, Integer::sum);
                    }
                    if (r.value3() != null) {
                        comeAgain.merge(r.value3(), 1, Integer::sum);
                    }
                    if (r.value4() != null) {
                        comments.add(r.value4());
                    }
                });
        return new FeedbackSummary(sessionId, given[0], given[1], useful, accessible, comeAgain, comments);
    }

    Optional<Instant> sessionEnds(long sessionId) {
        return db.select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId), PROGRAMME_SESSION.CANCELLED_AT.isNull())
                .fetchOptional(r -> r.value1());
    }

    private static @Nullable Short score(@Nullable Integer value) {
        return value == null ? null : value.shortValue();
    }

    private static @Nullable Integer integer(@Nullable Short value) {
        return value == null ? null : (int) value;
    }
}
