package org.convene.qa;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** The header of {@link #exportCsv}; one row per question follows, oldest first. */
    public static final List<String> CSV_HEADER = List.of("Id", "Asked at (UTC)", "State", "Question", "Author",
            "On behalf of", "Votes", "On stage", "Dismiss reason", "Merged into", "Replies", "Updated at (UTC)");

    /**
     * Writes every question of the session, in every state, as CSV (RFC 4180, UTF-8 text, CRLF): for the
     * session's facilitators and organisers only. Anonymous questions have an empty author, as everywhere else.
     * Does not close {@code out}.
     */
    @Transactional(readOnly = true)
    public void exportCsv(long sessionId, Writer out) {
        requireModerator(sessionId);
        List<QuestionView> questions = repository.allViews(sessionId);
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord(CSV_HEADER);
            for (QuestionView q : questions) {
                csv.writeRecord(
                        Long.toString(q.id()),
                        utcSeconds(q.askedAt()),
                        q.state().name(),
                        cell(q.text()),
                        cell(q.authorName()),
                        cell(q.onBehalfOf()),
                        Integer.toString(q.votes()),
                        q.pinned() ? "yes" : "no",
                        cell(q.dismissReason()),
                        q.mergedInto() == null ? "" : Long.toString(q.mergedInto()),
                        cell(q.replies().stream().map(r -> r.authorName() + ": " + r.text())
                                .collect(Collectors.joining("\n"))),
                        utcSeconds(q.updatedAt()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utcSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Anyone can type a question, and facilitators open the export in a spreadsheet: a cell that starts like a
     * formula (=, +, -, @, tab, carriage return) gets a leading apostrophe so it is shown as text, never run
     * (OWASP "CSV injection").
     */
    static String cell(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
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

    public QuestionView ask(long sessionId, String text, boolean anonymous) {
        ConveneUser user = signedIn("ask a question");
        String clean = questionText(text);
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
        return view(id);
    }

    /** Up-votes (up = true) or takes my vote back. One vote per person per question. */
    public void vote(long questionId, boolean up) {
        ConveneUser user = signedIn("vote");
        QaRepository.VoteTarget question = repository.voteTarget(questionId).orElseThrow(() ->
                new QaException(Code.NOT_FOUND, "That question no longer exists."));
        if (!question.state().isPublic()) {
            throw new QaException(Code.INVALID_STATE, "You can only vote for questions everyone can see.");
        }
        if (question.authorId() != null && question.authorId() == user.id()) {
            throw new QaException(Code.OWN_QUESTION, "You cannot vote for your own question.");
        }
        if (question.cancelled()) {
            throw new QaException(Code.CLOSED, "This session has been cancelled, so voting has closed.");
        }
        if (!clock.instant().isBefore(question.endsAt())) {
            throw new QaException(Code.SESSION_OVER, "This session has ended, so voting has closed.");
        }
        rateLimits.checkVote(user.id());
        // counts are announced by the coalescer, a few times a second at most, not once per vote
        if (repository.castVote(questionId, user.id(), up, clock.instant())) {
            QaLiveUpdates.MyVote mine = new QaLiveUpdates.MyVote(question.sessionId(), questionId, up);
            afterCommit(() -> live.publishMyVote(user.id(), mine));
        }
    }

    // ---- facilitators -------------------------------------------------------------------------------------

    /** Approves a pending question, optionally with its text edited first. */
    public void approve(long questionId, @Nullable String editedText) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (question.state() != QuestionState.PENDING && question.state() != QuestionState.DISMISSED) {
            throw new QaException(Code.INVALID_STATE, "Only a waiting or dismissed question can be approved.");
        }
        String text = editedText == null ? question.text() : questionText(editedText);
        repository.update(questionId, QuestionState.APPROVED, text, null, false, null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.CREATED);
    }

    public void edit(long questionId, String newText) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (question.state() == QuestionState.MERGED) {
            throw new QaException(Code.INVALID_STATE, "A merged question cannot be edited; edit the one it was merged into.");
        }
        repository.update(questionId, question.state(), questionText(newText), null, question.pinned(), null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.UPDATED : null);
    }

    public void dismiss(long questionId, String reason) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (question.state() == QuestionState.DISMISSED || question.state() == QuestionState.MERGED) {
            throw new QaException(Code.INVALID_STATE, "This question has already been dismissed or merged.");
        }
        String cleanReason = optional(reason, QaLimits.DISMISS_REASON_MAX_LENGTH, "The reason");
        repository.update(questionId, QuestionState.DISMISSED, question.text(), cleanReason, false, null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.REMOVED : null);
    }

    /** Marks a question answered. An answered question leaves the stage: the facilitator has moved on. */
    public void markAnswered(long questionId) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (question.state() != QuestionState.APPROVED) {
            throw new QaException(Code.INVALID_STATE, "Only an approved question can be marked answered.");
        }
        repository.update(questionId, QuestionState.ANSWERED, question.text(), null, false, null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    /** Puts a question on stage, taking any other one off. */
    public void pin(long questionId) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (!question.state().isPublic()) {
            throw new QaException(Code.INVALID_STATE, "Approve the question before putting it on stage.");
        }
        if (question.pinned()) {
            return;
        }
        Optional<Long> previous = repository.unpinAll(question.sessionId(), clock.instant());
        previous.ifPresent(id -> record(question.sessionId(), QaEvent.UPDATED, id, null, QaEvent.UPDATED));
        repository.update(questionId, question.state(), question.text(), null, true, null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    public void unpin(long questionId) {
        QaRepository.QuestionRow question = moderatable(questionId);
        if (!question.pinned()) {
            return;
        }
        repository.update(questionId, question.state(), question.text(), null, false, null, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    public void reply(long questionId, String text) {
        QaRepository.QuestionRow question = moderatable(questionId);
        ConveneUser user = currentUser.require();
        String clean = required(text, QaLimits.REPLY_MAX_LENGTH, "Your reply");
        repository.insertReply(questionId, user.id(), user.displayName(), clean, clock.instant());
        record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.UPDATED : null);
    }

    /** Merges a duplicate into another question of the same session; the duplicate's votes carry over. */
    public void merge(long duplicateId, long targetId) {
        if (duplicateId == targetId) {
            throw new QaException(Code.INVALID_STATE, "A question cannot be merged into itself.");
        }
        QaRepository.QuestionRow duplicate = moderatable(duplicateId);
        QaRepository.QuestionRow target = question(targetId);
        if (target.sessionId() != duplicate.sessionId()) {
            throw new QaException(Code.INVALID_STATE, "Both questions must belong to the same session.");
        }
        if (target.state() == QuestionState.MERGED || target.state() == QuestionState.DISMISSED) {
            throw new QaException(Code.INVALID_STATE, "Merge into a question that is still open.");
        }
        if (duplicate.state() == QuestionState.MERGED) {
            throw new QaException(Code.INVALID_STATE, "This question has already been merged.");
        }
        repository.mergeVotes(duplicateId, targetId);
        repository.update(duplicateId, QuestionState.MERGED, duplicate.text(), null, false, targetId, clock.instant());
        record(duplicate.sessionId(), QaEvent.UPDATED, duplicateId, null, duplicate.state().isPublic() ? QaEvent.REMOVED : null);
        repository.update(targetId, target.state(), target.text(), null, target.pinned(), null, clock.instant());
        record(duplicate.sessionId(), QaEvent.UPDATED, targetId, null, target.state().isPublic() ? QaEvent.UPDATED : null);
    }

    /** A question sent in by phone or email, typed in by a facilitator and marked as such. */
    public QuestionView askOnBehalf(long sessionId, String text, String onBehalfOf) {
        ConveneUser facilitator = requireModerator(sessionId);
        String clean = questionText(text);
        String who = optional(onBehalfOf, QaLimits.ON_BEHALF_OF_MAX_LENGTH, "The name");
        session(sessionId);
        repository.lockSettings(sessionId);
        long id = repository.insertQuestion(sessionId, null, who == null, facilitator.id(),
                who == null ? "someone who sent it in" : who, clean, QuestionState.APPROVED, clock.instant());
        record(sessionId, QaEvent.CREATED, id, null, QaEvent.CREATED);
        return view(id);
    }

    public QaSettings updateSettings(long sessionId, boolean open, boolean preModeration, boolean anonymousAllowed) {
        requireModerator(sessionId);
        repository.lockSettings(sessionId);
        QaSettings settings = new QaSettings(sessionId, open, preModeration, anonymousAllowed);
        repository.updateSettings(settings);
        record(sessionId, QaEvent.SETTINGS, null, null, QaEvent.SETTINGS);
        return settings;
    }

    // ---- the event log ----------------------------------------------------------------------------------------

    /**
     * Records one change on the moderators' stream and, when the public may see it, on the public stream;
     * then NOTIFYs. The caller holds the settings lock, so sequence numbers follow commit order.
     *
     * @param publicType the event type on the public stream, or null when the public sees nothing of it
     */
    private void record(long sessionId, String moderationType, @Nullable Long questionId,
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

    private ConveneUser requireModerator(long sessionId) {
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

    private QaRepository.QuestionRow moderatable(long questionId) {
        QaRepository.QuestionRow question = question(questionId);
        requireModerator(question.sessionId());
        repository.lockSettings(question.sessionId());
        // re-read under the lock: another facilitator may have changed it a moment ago
        return question(questionId);
    }

    private QaRepository.QuestionRow question(long questionId) {
        return repository.question(questionId).orElseThrow(() ->
                new QaException(Code.NOT_FOUND, "That question no longer exists."));
    }

    private QaRepository.SessionTimes session(long sessionId) {
        return repository.sessionTimes(sessionId).orElseThrow(() ->
                new QaException(Code.NOT_FOUND, "There is no session with id " + sessionId + "."));
    }

    private boolean isOver(QaRepository.SessionTimes times) {
        return !clock.instant().isBefore(times.endsAt());
    }

    private QuestionView view(long questionId) {
        return Objects.requireNonNull(repository.viewsById(List.of(questionId)).get(questionId),
                "the question was written in this transaction");
    }

    private static String questionText(String text) {
        return required(text, QaLimits.QUESTION_MAX_LENGTH, "Your question");
    }

    private static String required(String text, int max, String what) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new QaException(Code.EMPTY, what + " is empty. Type something first.");
        }
        if (clean.codePointCount(0, clean.length()) > max) {
            throw new QaException(Code.TOO_LONG, what + " is " + clean.codePointCount(0, clean.length())
                    + " characters long. It can be at most " + max + ".");
        }
        return clean;
    }

    private static @Nullable String optional(@Nullable String text, int max, String what) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return null;
        }
        return required(clean, max, what);
    }
}
