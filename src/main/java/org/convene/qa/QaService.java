package org.convene.qa;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.convene.qa.QaException.Code;

/**
 * The rules of a session's live Q&A. Every method checks on the server who is acting and whether they may,
 * writes in one transaction, records the change in the session's event log with gap-free sequence numbers,
 * and NOTIFYs; the change is announced to anyone only after it is committed.
 */
@Service
@Transactional
public class QaService {

    private static final Logger log = LoggerFactory.getLogger(QaService.class);

    private final QaRepository repository;
    private final CurrentUser currentUser;
    private final RateLimits rateLimits;
    private final QaLiveUpdates live;
    private final Clock clock;

    QaService(QaRepository repository, CurrentUser currentUser, RateLimits rateLimits, QaLiveUpdates live, Clock clock) {
        this.repository = repository;
        this.live = live;
        this.currentUser = currentUser;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** What the attendee panel shows the current person (signed in or not). */
    @Transactional(readOnly = true)
    public QaBoard board(long sessionId) {
        QaRepository.SessionTimes times = session(sessionId);
        Optional<ConveneUser> user = currentUser.get();
        long seq = repository.publicSeq(sessionId);
        List<QuestionView> questions = repository.publicViews(sessionId);
        List<MyQuestion> mine = user.map(u -> repository.viewsOfAuthor(sessionId, u.id()).stream().map(MyQuestion::new).toList())
                .orElse(List.of());
        Set<Long> myVotes = user.map(u -> repository.votesOf(sessionId, u.id())).orElse(Set.of());
        boolean canModerate = user.map(u -> mayModerate(sessionId, u)).orElse(false);
        return new QaBoard(sessionId, seq, repository.settings(sessionId), questions, mine, myVotes, user.isPresent(),
                canModerate, isOver(times));
    }

    /**
     * Who is looking at a session's Q&A, read once when a page opens: the parts of the panel that are about
     * the reader and change only by their own actions. Everything else comes from the shared {@link LiveBoard}.
     */
    @Transactional(readOnly = true)
    public QaViewer viewer(long sessionId) {
        session(sessionId);
        return currentUser.get()
                .map(u -> new QaViewer(u.id(), repository.votesOf(sessionId, u.id()), mayModerate(sessionId, u)))
                .orElse(QaViewer.ANONYMOUS);
    }

    /** The public questions and the sequence number they match: what API clients load first and after a gap. */
    @Transactional(readOnly = true)
    public QaSnapshot snapshot(long sessionId) {
        session(sessionId);
        // read the seq first: an event committed in between is then delivered again, never missed
        long seq = repository.publicSeq(sessionId);
        return new QaSnapshot(seq, repository.publicViews(sessionId));
    }

    @Transactional(readOnly = true)
    public ModerationBoard moderationBoard(long sessionId) {
        requireModerator(sessionId);
        long seq = repository.moderationSeq(sessionId);
        List<QuestionView> questions = repository.allViews(sessionId);
        Map<QuestionState, Integer> counts = new EnumMap<>(QuestionState.class);
        for (QuestionState state : QuestionState.values()) {
            counts.put(state, 0);
        }
        questions.forEach(q -> counts.merge(q.state(), 1, Integer::sum));
        return new ModerationBoard(sessionId, seq, repository.settings(sessionId), questions, counts);
    }

    @Transactional(readOnly = true)
    public QaSettings settings(long sessionId) {
        session(sessionId);
        return repository.settings(sessionId);
    }

    @Transactional(readOnly = true)
    public boolean canModerate(long sessionId) {
        return currentUser.get().map(u -> mayModerate(sessionId, u)).orElse(false);
    }

    // ---- attendees ------------------------------------------------------------------------------------------

    /**
     * Asks a question. What was typed comes back as {@link SaveResult.Invalid} (on {@link QaFields#TEXT}) when it
     * cannot be stored; a question the session cannot take now (closed, over, too many too fast) is refused with a
     * {@link QaException}, as is anyone not signed in.
     */
    public SaveResult<QuestionView> ask(long sessionId, String text, boolean anonymous) {
        ConveneUser user = signedIn("ask a question");
        TextChecks checks = new TextChecks();
        String clean = questionText(checks, text);
        SaveResult.Invalid<QuestionView> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        QaRepository.SessionTimes times = session(sessionId);
        QaSettings settings = repository.lockSettings(sessionId);
        if (times.cancelled()) {
            throw new QaException(Code.CLOSED, "This session has been cancelled, so it takes no questions.");
        }
        if (isOver(times)) {
            throw new QaException(Code.SESSION_OVER, "This session has ended, so it no longer takes questions.");
        }
        if (!settings.open()) {
            throw new QaException(Code.CLOSED, "Questions are closed for this session.");
        }
        if (anonymous && !settings.anonymousAllowed()) {
            throw new QaException(Code.ANONYMOUS_NOT_ALLOWED,
                    "This session does not take anonymous questions. Untick “Ask anonymously” to ask with your name.");
        }
        rateLimits.checkAsk(user.id());
        QuestionState state = settings.preModeration() ? QuestionState.PENDING : QuestionState.APPROVED;
        long id = repository.insertQuestion(sessionId, user.id(), anonymous, null, null, clean, state, clock.instant());
        record(sessionId, QaEvent.CREATED, id, null, state.isPublic() ? QaEvent.CREATED : null);
        log.info("Question {} asked in session {} ({})", id, sessionId, state);
        return new SaveResult.Saved<>(view(id));
    }

    /**
     * Up-votes (up = true) or takes my vote back. One vote per person per question. One statement, so no
     * transaction of its own: it checks and writes at once, and a refused vote has written nothing.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void vote(long questionId, boolean up) {
        ConveneUser user = signedIn("vote");
        rateLimits.checkVote(user.id());
        Instant now = clock.instant();
        QaRepository.VoteOutcome vote = repository.castVote(questionId, user.id(), up, now)
                .orElseThrow(() -> new QaException(Code.NOT_FOUND, "That question no longer exists."));
        if (!vote.state().isPublic()) {
            throw new QaException(Code.INVALID_STATE, "You can only vote for questions everyone can see.");
        }
        if (vote.authorId() != null && vote.authorId() == user.id()) {
            throw new QaException(Code.OWN_QUESTION, "You cannot vote for your own question.");
        }
        if (vote.cancelled()) {
            throw new QaException(Code.CLOSED, "This session has been cancelled, so voting has closed.");
        }
        if (!now.isBefore(vote.endsAt())) {
            throw new QaException(Code.SESSION_OVER, "This session has ended, so voting has closed.");
        }
        // counts are announced by the coalescer, a few times a second at most, not once per vote
        if (vote.changed()) {
            QaLiveUpdates.MyVote mine = new QaLiveUpdates.MyVote(vote.sessionId(), questionId, up);
            afterCommit(() -> live.publishMyVote(user.id(), mine));
        }
    }

    // ---- the event log ----------------------------------------------------------------------------------------

    /**
     * Records one change on the moderators' stream and, when the public may see it, on the public stream;
     * then NOTIFYs. The caller holds the settings lock, so sequence numbers follow commit order.
     *
     * @param publicType the event type on the public stream, or null when the public sees nothing of it
     */
    void record(long sessionId, String moderationType, @Nullable Long questionId,
                @Nullable Map<Long, Integer> votes, @Nullable String publicType) {
        Instant now = clock.instant();
        repository.lockSettings(sessionId);
        long moderationSeq = repository.nextSeq(sessionId, QaStream.MODERATION);
        repository.insertEvent(sessionId, QaStream.MODERATION, moderationSeq, moderationType, questionId, votes, now);
        long publicSeq = 0;
        if (publicType != null) {
            publicSeq = repository.nextSeq(sessionId, QaStream.PUBLIC);
            repository.insertEvent(sessionId, QaStream.PUBLIC, publicSeq, publicType, questionId, votes, now);
        }
        repository.notifyChanged(sessionId, moderationSeq, publicSeq);
    }

    /**
     * Announces the vote counts that changed since the last announcement, as one votes.changed event per
     * stream. Called by the coalescer on whichever node gets there first; the others find nothing to claim.
     *
     * @return whether anything was announced
     */
    boolean announceVotes(long sessionId) {
        repository.lockSettings(sessionId);
        Map<Long, Integer> all = repository.claimDirtyVotes(sessionId, false);
        if (all.isEmpty()) {
            return false;
        }
        Map<Long, QuestionView> views = repository.viewsById(all.keySet());
        Map<Long, Integer> visible = all.entrySet().stream()
                .filter(e -> views.containsKey(e.getKey()) && views.get(e.getKey()).state().isPublic())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Instant now = clock.instant();
        long moderationSeq = repository.nextSeq(sessionId, QaStream.MODERATION);
        repository.insertEvent(sessionId, QaStream.MODERATION, moderationSeq, QaEvent.VOTES, null, all, now);
        long publicSeq = 0;
        if (!visible.isEmpty()) {
            publicSeq = repository.nextSeq(sessionId, QaStream.PUBLIC);
            repository.insertEvent(sessionId, QaStream.PUBLIC, publicSeq, QaEvent.VOTES, null, visible, now);
        }
        repository.notifyChanged(sessionId, moderationSeq, publicSeq);
        return true;
    }

    /** Only what was committed is told; outside a transaction (never, here) at once. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    // ---- checks -------------------------------------------------------------------------------------------

    private ConveneUser signedIn(String action) {
        return currentUser.get().orElseThrow(() ->
                new QaException(Code.NOT_SIGNED_IN, "Log in to " + action + "."));
    }

    /** Signed in, the session exists, and they are one of its facilitators or an organiser; else a QaException. */
    ConveneUser requireModerator(long sessionId) {
        ConveneUser user = signedIn("moderate questions");
        session(sessionId);
        if (!mayModerate(sessionId, user)) {
            throw new QaException(Code.FORBIDDEN, "Only this session's facilitators and organisers can moderate its questions.");
        }
        return user;
    }

    private boolean mayModerate(long sessionId, ConveneUser user) {
        return user.has(Role.ORGANISER) || repository.isFacilitatorOf(sessionId, user.id());
    }

    QaRepository.QuestionRow moderatable(long questionId) {
        QaRepository.QuestionRow question = question(questionId);
        requireModerator(question.sessionId());
        repository.lockSettings(question.sessionId());
        // re-read under the lock: another facilitator may have changed it a moment ago
        return question(questionId);
    }

    QaRepository.QuestionRow question(long questionId) {
        return repository.question(questionId).orElseThrow(() ->
                new QaException(Code.NOT_FOUND, "That question no longer exists."));
    }

    QaRepository.SessionTimes session(long sessionId) {
        return repository.sessionTimes(sessionId).orElseThrow(() ->
                new QaException(Code.NOT_FOUND, "There is no session with id " + sessionId + "."));
    }

    private boolean isOver(QaRepository.SessionTimes times) {
        return !clock.instant().isBefore(times.endsAt());
    }

    QuestionView view(long questionId) {
        return Objects.requireNonNull(repository.viewsById(List.of(questionId)).get(questionId),
                "the question was written in this transaction");
    }

    static String questionText(TextChecks checks, @Nullable String text) {
        return checks.required(QaFields.TEXT, text, QaLimits.QUESTION_MAX_LENGTH, "Your question");
    }
}
