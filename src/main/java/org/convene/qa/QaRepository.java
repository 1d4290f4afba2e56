package org.convene.qa;

import org.convene.programme.PersonRole;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.Set;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QA_EVENT;
import static org.convene.db.Tables.QA_SETTINGS;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_REPLY;
import static org.convene.db.Tables.QUESTION_VOTE;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
class QaRepository {

    /** The NOTIFY channel: payload is the session id. Delivered after commit only. */
    static final String CHANNEL = "convene_qa";
    static final String VOTES_CHANNEL = "convene_qa_votes";

    private final DSLContext db;

    QaRepository(DSLContext db) {
        this.db = db;
    }

    record SessionTimes(Instant startsAt, Instant endsAt, boolean cancelled) {
    }

    record QuestionRow(long id, long sessionId, @Nullable Long authorId, QuestionState state, boolean pinned, String text) {
    }

    Optional<SessionTimes> sessionTimes(long sessionId) {
        return db.select(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.CANCELLED_AT)
                .from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionTimes(r.value1(), r.value2(), r.value3() != null));
    }

    boolean isFacilitatorOf(long sessionId, long userId) {
        return db.fetchExists(select(SESSION_PERSON.SESSION_ID).from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        PERSON.USER_ID.eq(userId)));
    }

    QaSettings settings(long sessionId) {
        return db.select(QA_SETTINGS.OPEN, QA_SETTINGS.PRE_MODERATION, QA_SETTINGS.ANONYMOUS_ALLOWED)
                .from(QA_SETTINGS).where(QA_SETTINGS.SESSION_ID.eq(sessionId))
                .fetchOptional(r -> new QaSettings(sessionId, r.value1(), r.value2(), r.value3()))
                .orElse(QaSettings.defaults(sessionId));
    }

    long publicSeq(long sessionId) {
        Long seq = db.select(QA_SETTINGS.PUBLIC_SEQ).from(QA_SETTINGS).where(QA_SETTINGS.SESSION_ID.eq(sessionId))
                .fetchOne(QA_SETTINGS.PUBLIC_SEQ);
        return seq == null ? 0 : seq;
    }

    long moderationSeq(long sessionId) {
        Long seq = db.select(QA_SETTINGS.MODERATION_SEQ).from(QA_SETTINGS).where(QA_SETTINGS.SESSION_ID.eq(sessionId))
                .fetchOne(QA_SETTINGS.MODERATION_SEQ);
        return seq == null ? 0 : seq;
    }

    /**
     * Locks the session's settings row for the rest of the transaction. Every change to a session's Q&A takes
     * this lock first (and question rows after it), so sequence numbers are handed out in commit order and
     * transactions never wait on each other in a cycle.
     */
    QaSettings lockSettings(long sessionId) {
        db.insertInto(QA_SETTINGS).set(QA_SETTINGS.SESSION_ID, sessionId).onConflictDoNothing().execute();
        return db.select(QA_SETTINGS.OPEN, QA_SETTINGS.PRE_MODERATION, QA_SETTINGS.ANONYMOUS_ALLOWED)
                .from(QA_SETTINGS).where(QA_SETTINGS.SESSION_ID.eq(sessionId)).forUpdate()
                .fetchSingle(r -> new QaSettings(sessionId, r.value1(), r.value2(), r.value3()));
    }

    void updateSettings(QaSettings settings) {
        db.update(QA_SETTINGS)
                .set(QA_SETTINGS.OPEN, settings.open())
                .set(QA_SETTINGS.PRE_MODERATION, settings.preModeration())
                .set(QA_SETTINGS.ANONYMOUS_ALLOWED, settings.anonymousAllowed())
                .set(QA_SETTINGS.VERSION, QA_SETTINGS.VERSION.plus(1))
                .where(QA_SETTINGS.SESSION_ID.eq(settings.sessionId()))
                .execute();
    }

    long insertQuestion(long sessionId, @Nullable Long authorId, boolean anonymous, @Nullable Long enteredBy,
                        @Nullable String onBehalfOf,
                        String text, QuestionState state, Instant now) {
        return db.insertInto(QUESTION)
                .set(QUESTION.SESSION_ID, sessionId)
                .set(QUESTION.AUTHOR_ID, authorId)
                .set(QUESTION.ANONYMOUS, anonymous)
                .set(QUESTION.ENTERED_BY, enteredBy)
                .set(QUESTION.ON_BEHALF_OF, onBehalfOf)
                .set(QUESTION.TEXT, text)
                .set(QUESTION.STATE, state)
                .set(QUESTION.CREATED_AT, now)
                .set(QUESTION.UPDATED_AT, now)
                .returning(QUESTION.ID).fetchSingle().getId();
    }

    Optional<QuestionRow> question(long questionId) {
        return db.select(QUESTION.ID, QUESTION.SESSION_ID, QUESTION.AUTHOR_ID, QUESTION.STATE, QUESTION.PINNED, QUESTION.TEXT)
                .from(QUESTION).where(QUESTION.ID.eq(questionId))
                .fetchOptional(mapping(QuestionRow::new));
    }

    void update(long questionId, QuestionState state, String text, @Nullable String dismissReason, boolean pinned,
                @Nullable Long mergedInto, Instant now) {
        db.update(QUESTION)
                .set(QUESTION.STATE, state)
                .set(QUESTION.TEXT, text)
                .set(QUESTION.DISMISS_REASON, dismissReason)
                .set(QUESTION.PINNED, pinned)
                .set(QUESTION.MERGED_INTO, mergedInto)
                .set(QUESTION.UPDATED_AT, now)
                .set(QUESTION.VERSION, QUESTION.VERSION.plus(1))
                .where(QUESTION.ID.eq(questionId))
                .execute();
    }

    /** Takes any question of the session off the stage; returns the id it took off, if any. */
    Optional<Long> unpinAll(long sessionId, Instant now) {
        return db.update(QUESTION)
                .set(QUESTION.PINNED, false)
                .set(QUESTION.UPDATED_AT, now)
                .set(QUESTION.VERSION, QUESTION.VERSION.plus(1))
                .where(QUESTION.SESSION_ID.eq(sessionId), QUESTION.PINNED.isTrue())
                .returning(QUESTION.ID).fetchOptional().map(r -> r.getId());
    }

    void insertReply(long questionId, long authorId, String authorName, String text, Instant now) {
        db.insertInto(QUESTION_REPLY)
                .set(QUESTION_REPLY.QUESTION_ID, questionId)
                .set(QUESTION_REPLY.AUTHOR_ID, authorId)
                .set(QUESTION_REPLY.AUTHOR_NAME, authorName)
                .set(QUESTION_REPLY.TEXT, text)
                .set(QUESTION_REPLY.CREATED_AT, now)
                .execute();
        touch(questionId, now);
    }

    private void touch(long questionId, Instant now) {
        db.update(QUESTION).set(QUESTION.UPDATED_AT, now).set(QUESTION.VERSION, QUESTION.VERSION.plus(1))
                .where(QUESTION.ID.eq(questionId)).execute();
    }

    /** What a vote found of its question and session, and whether it changed the count. */
    record VoteOutcome(long sessionId, @Nullable Long authorId, QuestionState state, Instant endsAt, boolean cancelled,
                       boolean changed) {
    }

    /** The states whose questions take votes, as the column stores them. */
    private static final String VOTABLE_STATES = Arrays.stream(QuestionState.values())
            .filter(QuestionState::isPublic).map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    /**
     * Checks the question and its session, adds or takes back one person's vote, marks the question's count for
     * the next coalesced announcement and NOTIFYs the coalescers, all in one statement and so one round trip: a
     * big room casts a thousand votes a second, and each round trip (and each statement jOOQ renders) is most of a
     * vote's cost. Nothing changes unless the question is public, not the voter's own, and its session neither
     * cancelled nor over at {@code now}; the caller tells those cases apart from what comes back. Empty when the
     * question does not exist.
     */
    Optional<VoteOutcome> castVote(long questionId, long userId, boolean up, Instant now) {
        String change = up
                ? "insert into question_vote (question_id, user_id, created_at) "
                  + "select ?, ?, cast(? as timestamptz) from allowed on conflict do nothing returning question_id"
                : "delete from question_vote where question_id = ? and user_id = ? "
                  + "and exists (select 1 from allowed) returning question_id";
        String sql = "with target as (select q.session_id, q.author_id, q.state, s.ends_at, "
                + "s.cancelled_at is not null as cancelled from question q "
                + "join programme_session s on s.id = q.session_id where q.id = ?), "
                + "allowed as (select 1 from target where state in (" + VOTABLE_STATES + ") "
                + "and author_id is distinct from ? and not cancelled and ends_at > cast(? as timestamptz)), "
                + "changed as (" + change + "), "
                + "counted as (update question set vote_count = vote_count " + (up ? "+" : "-") + " 1, votes_dirty = true "
                + "where id in (select question_id from changed) returning session_id) "
                + "select t.session_id, t.author_id, t.state, t.ends_at, t.cancelled, "
                + "(select count(pg_notify('" + VOTES_CHANNEL + "', session_id::text)) from counted) > 0 as changed "
                + "from target t";
        Object[] bindings = up
                ? new Object[]{questionId, userId, now, questionId, userId, now}
                : new Object[]{questionId, userId, now, questionId, userId};
        return db.fetchOptional(sql, bindings).map(r -> new VoteOutcome(r.get(0, Long.class), r.get(1, Long.class),
                QuestionState.valueOf(r.get(2, String.class)), r.get(3, Instant.class), r.get(4, Boolean.class),
                r.get(5, Boolean.class)));
    }

    /** Moves the duplicate's votes to the target (a person who voted for both keeps one vote) and recounts. */
    void mergeVotes(long duplicateId, long targetId) {
        db.insertInto(QUESTION_VOTE, QUESTION_VOTE.QUESTION_ID, QUESTION_VOTE.USER_ID, QUESTION_VOTE.CREATED_AT)
                .select(select(DSL.val(targetId), QUESTION_VOTE.USER_ID, QUESTION_VOTE.CREATED_AT)
                        .from(QUESTION_VOTE).where(QUESTION_VOTE.QUESTION_ID.eq(duplicateId)))
                .onConflictDoNothing().execute();
        db.deleteFrom(QUESTION_VOTE).where(QUESTION_VOTE.QUESTION_ID.eq(duplicateId)).execute();
        for (long id : List.of(duplicateId, targetId)) {
            db.update(QUESTION)
                    .set(QUESTION.VOTE_COUNT, select(DSL.count()).from(QUESTION_VOTE).where(QUESTION_VOTE.QUESTION_ID.eq(id)).<Integer>asField())
                    .set(QUESTION.VOTES_DIRTY, false)
                    .where(QUESTION.ID.eq(id)).execute();
        }
    }

    /** Clears the vote marks of a session and returns the counts they stood for, question id to count. */
    Map<Long, Integer> claimDirtyVotes(long sessionId, boolean publicOnly) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        db.update(QUESTION).set(QUESTION.VOTES_DIRTY, false)
                .where(QUESTION.SESSION_ID.eq(sessionId), QUESTION.VOTES_DIRTY.isTrue())
                .returning(QUESTION.ID, QUESTION.VOTE_COUNT, QUESTION.STATE)
                .fetch()
                .forEach(r -> {
                    if (!publicOnly || r.getState().isPublic()) {
                        counts.put(r.getId(), r.getVoteCount());
                    }
                });
        return counts;
    }

    List<Long> sessionsWithDirtyVotes() {
        return db.selectDistinct(QUESTION.SESSION_ID).from(QUESTION).where(QUESTION.VOTES_DIRTY.isTrue())
                .fetch(QUESTION.SESSION_ID);
    }

    Set<Long> votesOf(long sessionId, long userId) {
        return new HashSet<>(db.select(QUESTION_VOTE.QUESTION_ID).from(QUESTION_VOTE)
                .join(QUESTION).on(QUESTION.ID.eq(QUESTION_VOTE.QUESTION_ID))
                .where(QUESTION.SESSION_ID.eq(sessionId), QUESTION_VOTE.USER_ID.eq(userId))
                .fetch(QUESTION_VOTE.QUESTION_ID));
    }

    /** A question and who asked it: the author's id never leaves the Q&A module's internals. */
    record Authored(QuestionView view, @Nullable Long authorId) {
    }

    List<QuestionView> views(Condition condition) {
        return authoredViews(condition).stream().map(Authored::view).toList();
    }

    List<Authored> authoredViews(Condition condition) {
        SelectField<List<ReplyView>> replies = multiset(
                select(QUESTION_REPLY.ID, QUESTION_REPLY.AUTHOR_NAME, QUESTION_REPLY.TEXT, QUESTION_REPLY.CREATED_AT)
                        .from(QUESTION_REPLY).where(QUESTION_REPLY.QUESTION_ID.eq(QUESTION.ID))
                        .orderBy(QUESTION_REPLY.CREATED_AT, QUESTION_REPLY.ID))
                .convertFrom(r -> r.map(mapping(ReplyView::new)));
        return db.select(QUESTION.ID, QUESTION.SESSION_ID, QUESTION.TEXT,
                        DSL.when(QUESTION.ANONYMOUS.isTrue(), DSL.inline((String) null))
                                .when(QUESTION.AUTHOR_REMOVED.isTrue(), DSL.inline(QuestionView.FORMER_ATTENDEE))
                                .otherwise(APP_USER.DISPLAY_NAME),
                        QUESTION.ANONYMOUS, QUESTION.ON_BEHALF_OF, QUESTION.STATE, QUESTION.PINNED, QUESTION.VOTE_COUNT,
                        QUESTION.CREATED_AT, QUESTION.UPDATED_AT, QUESTION.DISMISS_REASON, QUESTION.MERGED_INTO, replies,
                        QUESTION.AUTHOR_ID)
                .from(QUESTION)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(QUESTION.AUTHOR_ID))
                .where(condition)
                .orderBy(QUESTION.CREATED_AT, QUESTION.ID)
                .fetch(r -> new Authored(new QuestionView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(),
                        r.value11(), r.value12(), r.value13(), r.value14()), r.value15()));
    }

    List<QuestionView> publicViews(long sessionId) {
        return views(QUESTION.SESSION_ID.eq(sessionId).and(QUESTION.STATE.in(QuestionState.APPROVED, QuestionState.ANSWERED)))
                .stream().map(QuestionView::forPublic).toList();
    }

    List<Authored> allAuthored(long sessionId) {
        return authoredViews(QUESTION.SESSION_ID.eq(sessionId));
    }

    List<QuestionView> allViews(long sessionId) {
        return views(QUESTION.SESSION_ID.eq(sessionId));
    }

    List<QuestionView> viewsOfAuthor(long sessionId, long authorId) {
        return views(QUESTION.SESSION_ID.eq(sessionId).and(QUESTION.AUTHOR_ID.eq(authorId)));
    }

    Map<Long, QuestionView> viewsById(Collection<Long> ids) {
        Map<Long, QuestionView> byId = new HashMap<>();
        authoredById(ids).forEach((id, authored) -> byId.put(id, authored.view()));
        return byId;
    }

    Map<Long, Authored> authoredById(Collection<Long> ids) {
        Map<Long, Authored> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            authoredViews(QUESTION.ID.in(ids)).forEach(a -> byId.put(a.view().id(), a));
        }
        return byId;
    }

    /** Hands out the next sequence number of a stream; the caller holds the settings lock. */
    long nextSeq(long sessionId, QaStream stream) {
        var field = stream == QaStream.PUBLIC ? QA_SETTINGS.PUBLIC_SEQ : QA_SETTINGS.MODERATION_SEQ;
        return db.update(QA_SETTINGS).set(field, field.plus(1)).where(QA_SETTINGS.SESSION_ID.eq(sessionId))
                .returning(field).fetchSingle().get(field);
    }

    void insertEvent(long sessionId, QaStream stream, long seq, String type, @Nullable Long questionId,
                     @Nullable Map<Long, Integer> votes, Instant now) {
        db.insertInto(QA_EVENT)
                .set(QA_EVENT.SESSION_ID, sessionId)
                .set(QA_EVENT.STREAM, stream)
                .set(QA_EVENT.SEQ, seq)
                .set(QA_EVENT.TYPE, type)
                .set(QA_EVENT.QUESTION_ID, questionId)
                .set(QA_EVENT.VOTES, votes)
                .set(QA_EVENT.CREATED_AT, now)
                .execute();
    }

    record EventRow(long seq, String type, @Nullable Long questionId, @Nullable Map<Long, Integer> votes) {
    }

    List<EventRow> eventsAfter(long sessionId, QaStream stream, long afterSeq, int limit) {
        return db.select(QA_EVENT.SEQ, QA_EVENT.TYPE, QA_EVENT.QUESTION_ID, QA_EVENT.VOTES).from(QA_EVENT)
                .where(QA_EVENT.SESSION_ID.eq(sessionId), QA_EVENT.STREAM.eq(stream), QA_EVENT.SEQ.gt(afterSeq))
                .orderBy(QA_EVENT.SEQ)
                .limit(limit)
                .fetch(mapping(EventRow::new));
    }

    /** Payload "session:moderationSeq:publicSeq" (0 = no event on that stream); small, and unique per event. */
    void notifyChanged(long sessionId, long moderationSeq, long publicSeq) {
        db.execute("select pg_notify(?, ?)", CHANNEL, sessionId + ":" + moderationSeq + ":" + publicSeq);
    }
}
