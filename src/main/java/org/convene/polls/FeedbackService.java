package org.convene.polls;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.NoSuchSessionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Feedback after a session: signed-in people give it once each (and may change it); the session's facilitators,
 * its host and the organisers type in feedback given by phone and read the results. Nobody's name is shown with
 * feedback: the person's id is kept only so that each gives it once.
 * <p>
 * People who are not signed in cannot give it: with nothing to tell one visitor from another, a script could
 * send thousands of answers and the results would mean nothing. Someone without an account can give it by
 * phone to a facilitator.
 */
@Service
@Transactional
public class FeedbackService {

    private final FeedbackRepository repository;
    private final PollService polls;
    private final CurrentUser currentUser;
    private final Clock clock;

    FeedbackService(FeedbackRepository repository, PollService polls, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.polls = polls;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether feedback is taken for the session now: once it has ended, unless it was cancelled. */
    @Transactional(readOnly = true)
    public boolean isOpen(long sessionId) {
        Instant ends = repository.sessionEnds(sessionId).orElse(null);
        return ends != null && !clock.instant().isBefore(ends);
    }

    /** The signed-in person's feedback on the session, to change it. */
    @Transactional(readOnly = true)
    public Optional<FeedbackDraft> mine(long sessionId) {
        return currentUser.get().flatMap(u -> repository.mine(sessionId, u.id()));
    }

    /** Gives or changes the signed-in person's feedback. */
    public SaveResult<FeedbackDraft> give(long sessionId, FeedbackDraft draft) {
        ConveneUser user = currentUser.get().orElseThrow(() ->
                new AccessDeniedException("Log in to give feedback, so that each person gives it once."));
        requireOpen(sessionId);
        Optional<SaveResult.Invalid<FeedbackDraft>> invalid = check(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        FeedbackDraft clean = cleaned(draft);
        repository.give(sessionId, user.id(), clean, clock.instant());
        return new SaveResult.Saved<>(clean);
    }

    /** Feedback someone gave a facilitator by phone: only those who may run the session's polls may type it in. */
    public SaveResult<FeedbackDraft> enterByPhone(long sessionId, FeedbackDraft draft) {
        repository.sessionEnds(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (!polls.mayRun(sessionId)) {
            throw new AccessDeniedException("Only the session's facilitators, its host and the organisers may enter "
                    + "feedback given by phone.");
        }
        ConveneUser user = currentUser.require();
        Optional<SaveResult.Invalid<FeedbackDraft>> invalid = check(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        FeedbackDraft clean = cleaned(draft);
        repository.enterByPhone(sessionId, user.id(), clean, clock.instant());
        return new SaveResult.Saved<>(clean);
    }

    /** The session's feedback for its report. */
    @Transactional(readOnly = true)
    public FeedbackSummary summary(long sessionId) {
        if (!polls.mayRun(sessionId)) {
            throw new AccessDeniedException("Only the session's facilitators, its host and the organisers may read "
                    + "its feedback.");
        }
        return repository.summary(sessionId);
    }

    /**
     * The feedback on several sessions added up, for a host's report: only the sessions the viewer may read the
     * feedback of count (a host's coordinators and organisers may read all of a host's).
     */
    @Transactional(readOnly = true)
    public FeedbackSummary summary(java.util.List<Long> sessionIds) {
        java.util.List<Long> readable = sessionIds.stream().filter(polls::mayRun).toList();
        if (readable.isEmpty() && !sessionIds.isEmpty()) {
            throw new AccessDeniedException("Only the sessions' host and the organisers may read their feedback.");
        }
        return repository.summary(readable);
    }

    /** The summary as CSV: a row per answer to each question with its count, then one per free text. */
    @Transactional(readOnly = true)
    public long writeCsv(long sessionId, Writer out) throws IOException {
        return writeCsv(summary(sessionId), out);
    }

    /** A host's sessions' feedback as CSV, as {@link #writeCsv(long, Writer)}. */
    @Transactional(readOnly = true)
    public long writeCsv(java.util.List<Long> sessionIds, Writer out) throws IOException {
        return writeCsv(summary(sessionIds), out);
    }

    private static long writeCsv(FeedbackSummary summary, Writer out) throws IOException {
        out.write("question,answer,people\r\n");
        long rows = 0;
        for (int score : FeedbackQuestions.scores()) {
            rows += row(out, FeedbackQuestions.USEFUL, FeedbackQuestions.useful(score), summary.useful(score));
        }
        for (int score : FeedbackQuestions.scores()) {
            rows += row(out, FeedbackQuestions.ACCESSIBLE, FeedbackQuestions.accessible(score), summary.accessible(score));
        }
        for (ComeAgain answer : ComeAgain.values()) {
            rows += row(out, FeedbackQuestions.COME_AGAIN, answer.label(), summary.comeAgain(answer));
        }
        for (String comment : summary.comments()) {
            out.write("Anything else," + Csv.cell(comment) + ",1\r\n");
            rows++;
        }
        return rows;
    }

    private static int row(Writer out, String question, String answer, int count) throws IOException {
        out.write(Csv.cell(question) + "," + Csv.cell(answer) + "," + count + "\r\n");
        return 1;
    }

    private void requireOpen(long sessionId) {
        Instant ends = repository.sessionEnds(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (clock.instant().isBefore(ends)) {
            throw new PollException(PollException.Code.NOT_OPEN, "Feedback opens when the session ends.");
        }
    }

    static Optional<SaveResult.Invalid<FeedbackDraft>> check(FeedbackDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        String comment = draft.comment().strip();
        if (draft.useful() == null && draft.accessible() == null && draft.comeAgain() == null && comment.isEmpty()) {
            problems.put(FeedbackQuestions.FIELD_USEFUL, "Answer at least one question, or write something");
        }
        if (outOfScale(draft.useful()) || outOfScale(draft.accessible())) {
            problems.put(FeedbackQuestions.FIELD_USEFUL, "Choose one of the answers shown");
        }
        if (comment.length() > FeedbackLimits.COMMENT_MAX) {
            problems.put(FeedbackQuestions.FIELD_COMMENT, "What you write must be " + FeedbackLimits.COMMENT_MAX
                    + " characters or fewer. You have " + comment.length() + ".");
        } else {
            TextRule.problem("What you wrote", comment, TextRule.Lines.MANY)
                    .ifPresent(p -> problems.put(FeedbackQuestions.FIELD_COMMENT, p));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(new SaveResult.Invalid<>(problems));
    }

    private static boolean outOfScale(@Nullable Integer score) {
        return score != null && (score < 1 || score > 5);
    }

    private static FeedbackDraft cleaned(FeedbackDraft draft) {
        return new FeedbackDraft(draft.useful(), draft.accessible(), draft.comeAgain(), draft.comment().strip());
    }
}
