package org.convene.polls;

import org.convene.programme.PersonRole;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.POLL;
import static org.convene.db.Tables.POLL_ANSWER;
import static org.convene.db.Tables.POLL_OPTION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;

@Repository
class PollRepository {

    private final DSLContext db;

    PollRepository(DSLContext db) {
        this.db = db;
    }

    record SessionTimes(Instant startsAt, Instant endsAt, boolean cancelled) {
    }

    /** What a change to a poll needs to know of it. */
    record PollRow(long id, long sessionId, PollState state, boolean multiple, boolean anonymous, Set<Integer> positions) {
    }

    Optional<SessionTimes> session(long sessionId) {
        return db.select(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.CANCELLED_AT)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionTimes(r.value1(), r.value2(), r.value3() != null));
    }

    boolean isFacilitatorOf(long sessionId, long userId) {
        return db.fetchExists(select(SESSION_PERSON.SESSION_ID).from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        PERSON.USER_ID.eq(userId)));
    }

    /** Locks the session's row, so two facilitators adding polls at once cannot pass the limit together. */
    int lockAndCountPolls(long sessionId) {
        db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .forNoKeyUpdate().execute();
        return db.fetchCount(POLL, POLL.SESSION_ID.eq(sessionId));
    }

    long insert(long sessionId, String question, List<String> options, boolean multiple, boolean anonymous,
                long userId, Instant now) {
        long id = db.insertInto(POLL)
                .set(POLL.SESSION_ID, sessionId)
                .set(POLL.QUESTION, question)
                .set(POLL.MULTIPLE, multiple)
                .set(POLL.ANONYMOUS, anonymous)
                .set(POLL.STATE, PollState.DRAFT)
                .set(POLL.CREATED_BY, userId)
                .set(POLL.CREATED_AT, now)
                .returning(POLL.ID).fetchSingle().getId();
        var insert = db.insertInto(POLL_OPTION, POLL_OPTION.POLL_ID, POLL_OPTION.POSITION, POLL_OPTION.LABEL);
        for (int i = 0; i < options.size(); i++) {
            insert = insert.values(id, (short) (i + 1), options.get(i));
        }
        insert.execute();
        return id;
    }

    /**
     * The poll, locked against closing (FOR SHARE) when {@code forAnswer}: an answer and the close then cannot
     * interleave, so no answer arrives after an anonymous poll has forgotten who answered.
     */
    Optional<PollRow> poll(long pollId, boolean forAnswer) {
        var query = db.select(POLL.ID, POLL.SESSION_ID, POLL.STATE, POLL.MULTIPLE, POLL.ANONYMOUS)
                .from(POLL).where(POLL.ID.eq(pollId));
        var row = forAnswer ? query.forShare().fetchOptional() : query.fetchOptional();
        return row.map(r -> new PollRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                new TreeSet<>(db.select(POLL_OPTION.POSITION).from(POLL_OPTION).where(POLL_OPTION.POLL_ID.eq(pollId))
                        .fetch(p -> (int) p.value1()))));
    }

    /** Moves the poll on from {@code from} only; false when someone else already did. */
    boolean changeState(long pollId, PollState from, PollState to, Instant now) {
        var update = db.update(POLL).set(POLL.STATE, to);
        var withTime = to == PollState.OPEN ? update.set(POLL.OPENED_AT, now) : update.set(POLL.CLOSED_AT, now);
        return withTime.where(POLL.ID.eq(pollId), POLL.STATE.eq(from)).execute() == 1;
    }

    /** Cuts the link between people and their answers: the counts stay, who chose what is gone. */
    void forgetWhoAnswered(long pollId) {
        db.update(POLL_ANSWER).setNull(POLL_ANSWER.USER_ID).where(POLL_ANSWER.POLL_ID.eq(pollId)).execute();
    }

    void deleteDraft(long pollId) {
        db.deleteFrom(POLL).where(POLL.ID.eq(pollId), POLL.STATE.eq(PollState.DRAFT)).execute();
    }

    /** One answer per person per poll, however many arrive at once: the unique key decides, the last one wins. */
    void answer(long pollId, long userId, Collection<Integer> positions, Instant now) {
        Short[] choices = positions.stream().sorted().map(Integer::shortValue).toArray(Short[]::new);
        db.insertInto(POLL_ANSWER)
                .set(POLL_ANSWER.POLL_ID, pollId)
                .set(POLL_ANSWER.USER_ID, userId)
                .set(POLL_ANSWER.CHOICES, choices)
                .set(POLL_ANSWER.ANSWERED_AT, now)
                .onConflict(POLL_ANSWER.POLL_ID, POLL_ANSWER.USER_ID)
                .doUpdate()
                .set(POLL_ANSWER.CHOICES, choices)
                .set(POLL_ANSWER.ANSWERED_AT, now)
                .execute();
    }

    /** The person's answers to the session's polls (positions chosen), by poll. */
    Map<Long, Set<Integer>> answersOf(long sessionId, long userId) {
        Map<Long, Set<Integer>> answers = new HashMap<>();
        db.select(POLL_ANSWER.POLL_ID, POLL_ANSWER.CHOICES).from(POLL_ANSWER)
                .join(POLL).on(POLL.ID.eq(POLL_ANSWER.POLL_ID))
                .where(POLL.SESSION_ID.eq(sessionId), POLL_ANSWER.USER_ID.eq(userId))
                .forEach(r -> answers.put(r.value1(), positions(r.value2())));
        return answers;
    }

    /** Every poll of the session with its options and counts, in the order they were prepared: four queries. */
    List<Poll> polls(long sessionId) {
        var rows = db.selectFrom(POLL).where(POLL.SESSION_ID.eq(sessionId)).orderBy(POLL.ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.map(r -> r.getId());
        Map<Long, Result<Record3<Long, Short, String>>> options = db
                .select(POLL_OPTION.POLL_ID, POLL_OPTION.POSITION, POLL_OPTION.LABEL).from(POLL_OPTION)
                .where(POLL_OPTION.POLL_ID.in(ids)).orderBy(POLL_OPTION.POLL_ID, POLL_OPTION.POSITION)
                .fetchGroups(POLL_OPTION.POLL_ID);
        Map<Long, Integer> answered = db.select(POLL_ANSWER.POLL_ID, count()).from(POLL_ANSWER)
                .where(POLL_ANSWER.POLL_ID.in(ids)).groupBy(POLL_ANSWER.POLL_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
        Map<String, Integer> counts = new HashMap<>();
        db.resultQuery("select a.poll_id, c.position, count(*) from poll_answer a"
                        + " cross join lateral unnest(a.choices) as c(position)"
                        + " where a.poll_id = any(?) group by a.poll_id, c.position", (Object) ids.toArray(Long[]::new))
                .forEach(r -> counts.put(r.get(0, Long.class) + ":" + r.get(1, Integer.class), r.get(2, Integer.class)));
        List<Poll> polls = new ArrayList<>();
        for (var r : rows) {
            long id = r.getId();
            Result<Record3<Long, Short, String>> ofPoll = options.get(id);
            List<PollOption> list = (ofPoll == null ? List.<Record3<Long, Short, String>>of() : ofPoll).stream()
                    .map(o -> new PollOption(o.value2(), o.value3(), counts.getOrDefault(id + ":" + o.value2(), 0)))
                    .toList();
            polls.add(new Poll(id, r.getSessionId(), r.getQuestion(), r.getMultiple(), r.getAnonymous(), r.getState(),
                    r.getOpenedAt(), r.getClosedAt(), list, answered.getOrDefault(id, 0)));
        }
        return polls;
    }

    private static Set<Integer> positions(Short @Nullable [] choices) {
        Set<Integer> set = new TreeSet<>();
        if (choices != null) {
            for (Short c : choices) {
                set.add((int) c);
            }
        }
        return set;
    }
}
