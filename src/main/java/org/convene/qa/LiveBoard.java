package org.convene.qa;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's Q&A as one node knows it, at one point of the moderators' stream: every question in every
 * state, who asked it, the settings and both streams' sequence numbers. Immutable and shared: the fan-out
 * builds one per session per change by applying the change's events to the previous one, and every page open
 * on the session renders from that same instance, so no page reads the database because something changed.
 * <p>
 * Authors are held only to answer {@link #mine}: the board never hands out who asked an anonymous question.
 */
public final class LiveBoard {

    private static final Comparator<QuestionView> ASKED = Comparator.comparing(QuestionView::askedAt)
            .thenComparingLong(QuestionView::id);

    private final long sessionId;
    private final long moderationSeq;
    private final long publicSeq;
    /** Bumped by every change except vote counts: pages push those promptly, vote counts at a slower pace. */
    private final long questionsVersion;
    private final QaSettings settings;
    private final Instant endsAt;
    private final Map<Long, QuestionView> questions;
    private final Map<Long, Long> authors;
    private final List<QuestionView> publicQuestions;
    private final Map<Long, List<QuestionView>> byAuthor;
    /** Sorted copies of the public list, made once per order for every page that asks. */
    private final Map<Comparator<QuestionView>, List<QuestionView>> sorted = new ConcurrentHashMap<>();

    LiveBoard(long sessionId, long moderationSeq, long publicSeq, long questionsVersion, QaSettings settings,
              Instant endsAt, Map<Long, QuestionView> questions, Map<Long, Long> authors) {
        this.sessionId = sessionId;
        this.moderationSeq = moderationSeq;
        this.publicSeq = publicSeq;
        this.questionsVersion = questionsVersion;
        this.settings = settings;
        this.endsAt = endsAt;
        this.questions = Map.copyOf(questions);
        this.authors = Map.copyOf(authors);
        List<QuestionView> open = new ArrayList<>();
        Map<Long, List<QuestionView>> mine = new HashMap<>();
        for (QuestionView q : questions.values()) {
            if (q.state().isPublic()) {
                open.add(q.forPublic());
            }
            Long author = authors.get(q.id());
            if (author != null) {
                mine.computeIfAbsent(author, a -> new ArrayList<>()).add(q);
            }
        }
        open.sort(ASKED);
        this.publicQuestions = List.copyOf(open);
        mine.replaceAll((author, list) -> list.stream().sorted(ASKED).toList());
        this.byAuthor = Map.copyOf(mine);
    }

    public long sessionId() {
        return sessionId;
    }

    public long moderationSeq() {
        return moderationSeq;
    }

    public long publicSeq() {
        return publicSeq;
    }

    public long questionsVersion() {
        return questionsVersion;
    }

    public QaSettings settings() {
        return settings;
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** The questions everyone may see, oldest first, as the public sees them. */
    public List<QuestionView> publicQuestions() {
        return publicQuestions;
    }

    /** The public questions in the given order; the same list instance for every page that asks for that order. */
    public List<QuestionView> publicQuestions(Comparator<QuestionView> order) {
        return sorted.computeIfAbsent(order, o -> publicQuestions.stream().sorted(o).toList());
    }

    /** One person's own questions in every state, oldest first; empty for anyone else's id. */
    public List<QuestionView> mine(long userId) {
        return byAuthor.getOrDefault(userId, List.of());
    }

    /**
     * The board after the moderators' stream events that follow it. Events at or below this board's seq are
     * already in it and are skipped, so the same events may safely arrive twice.
     *
     * @param authorsOf who asked each question the events carry (absent when nobody did: entered on behalf)
     * @param settingsNow the settings as they are now, read once by the caller when an event changed them
     * @param publicSeqNow the public stream's seq the caller has delivered up to
     * @throws GapException when an event is missing between this board and the events
     */
    LiveBoard apply(List<QaEvent> moderationEvents, Map<Long, Long> authorsOf, QaSettings settingsNow, long publicSeqNow) {
        long seq = moderationSeq;
        long version = questionsVersion;
        Map<Long, QuestionView> next = null;
        Map<Long, Long> nextAuthors = null;
        for (QaEvent event : moderationEvents) {
            if (event.seq() <= seq) {
                continue;
            }
            if (event.seq() != seq + 1) {
                throw new GapException(seq, event.seq());
            }
            seq = event.seq();
            if (next == null) {
                next = new LinkedHashMap<>(questions);
                nextAuthors = new HashMap<>(authors);
            }
            if (QaEvent.VOTES.equals(event.type())) {
                applyVotes(next, Objects.requireNonNull(event.votes(), "votes.changed events carry the counts"));
                continue;
            }
            version++;
            QuestionView q = event.question();
            if (q != null) {
                next.put(q.id(), q);
                Long author = authorsOf.get(q.id());
                if (author != null) {
                    Objects.requireNonNull(nextAuthors, "copied together with next").put(q.id(), author);
                }
            }
        }
        if (next == null && settingsNow.equals(settings) && publicSeqNow <= publicSeq) {
            return this;
        }
        return new LiveBoard(sessionId, seq, Math.max(publicSeq, publicSeqNow), version, settingsNow, endsAt,
                next == null ? questions : next, nextAuthors == null ? authors : nextAuthors);
    }

    private static void applyVotes(Map<Long, QuestionView> questions, Map<Long, Integer> votes) {
        if (votes == null) {
            return;
        }
        votes.forEach((id, count) -> questions.computeIfPresent(id, (key, q) -> q.votes() == count ? q
                : new QuestionView(q.id(), q.sessionId(), q.text(), q.authorName(), q.anonymous(), q.onBehalfOf(),
                q.state(), q.pinned(), count, q.askedAt(), q.updatedAt(), q.dismissReason(), q.mergedInto(), q.replies())));
    }

    /** Whether a page showing {@code shown} has anything but vote counts to catch up on. */
    public boolean questionsChangedSince(@Nullable LiveBoard shown) {
        return shown == null || shown.questionsVersion != questionsVersion || !shown.settings.equals(settings);
    }

    static LiveBoard of(long sessionId, long moderationSeq, long publicSeq, QaSettings settings, Instant endsAt,
                        List<QuestionView> questions, Map<Long, Long> authors) {
        Map<Long, QuestionView> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return new LiveBoard(sessionId, moderationSeq, publicSeq, 0, settings, endsAt, byId, authors);
    }

    /** An event is missing: the board must be read again from the database. */
    static final class GapException extends RuntimeException {
        GapException(long boardSeq, long eventSeq) {
            super("moderation stream jumps from " + boardSeq + " to " + eventSeq);
        }
    }
}
