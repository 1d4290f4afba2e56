package org.convene.polls;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.live.LiveNotices;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Live polls: a session's facilitators, its host's coordinators and organisers prepare, open and close them;
 * signed-in people answer while a poll is open, once each (they may change their answer until it closes).
 * <p>
 * Every change publishes a notice on {@link #CHANNEL} with the session's id, so each node re-reads the session's
 * polls once ({@link PollLive}) and shows them on every page open there. An API endpoint needs nothing more:
 * {@link #answer} for {@code SEND /app/polls.{pollId}.answer}, {@link PollLive#watch} for
 * {@code /topic/sessions.{id}.polls}.
 */
@Service
@Transactional
public class PollService {

    static final String CHANNEL = "convene_polls";

    /** The answer's field, as named in {@link SaveResult.Invalid#problems()}. */
    public static final String CHOICES = "choices";

    private final PollRepository repository;
    private final CurrentUser currentUser;
    private final ProgrammePermissions permissions;
    private final LiveNotices notices;
    private final Clock clock;

    PollService(PollRepository repository, CurrentUser currentUser, ProgrammePermissions permissions,
                LiveNotices notices, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.permissions = permissions;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- who may do what ------------------------------------------------------------------------------------

    /** Whether the signed-in person may prepare, open and close this session's polls and see their report. */
    @Transactional(readOnly = true)
    public boolean mayRun(long sessionId) {
        return currentUser.get().map(u -> mayRun(sessionId, u)).orElse(false);
    }

    private boolean mayRun(long sessionId, ConveneUser user) {
        return user.has(Role.ORGANISER) || repository.isFacilitatorOf(sessionId, user.id())
                || permissions.mayManageSession(user, sessionId);
    }

    private ConveneUser requireRunner(long sessionId) {
        ConveneUser user = currentUser.get().orElseThrow(() ->
                new AccessDeniedException("Sign in as one of the session's facilitators to run its polls."));
        if (!mayRun(sessionId, user)) {
            throw new AccessDeniedException("Only the session's facilitators, its host and the organisers may run "
                    + "its polls.");
        }
        return user;
    }

    // ---- facilitators ---------------------------------------------------------------------------------------

    /** Prepares a poll, not yet open. What was typed comes back as {@link SaveResult.Invalid} when it cannot be kept. */
    public SaveResult<Long> prepare(long sessionId, PollDraft draft) {
        session(sessionId);
        ConveneUser user = requireRunner(sessionId);
        Map<String, String> problems = new LinkedHashMap<>();
        String question = draft.question().strip();
        if (question.isEmpty()) {
            problems.put(PollDraft.QUESTION, "Enter the question");
        } else if (question.length() > PollLimits.QUESTION_MAX) {
            problems.put(PollDraft.QUESTION, "The question must be " + PollLimits.QUESTION_MAX + " characters or fewer");
        } else {
            TextRule.problem("The question", question, TextRule.Lines.ONE).ifPresent(p -> problems.put(PollDraft.QUESTION, p));
        }
        List<String> options = draft.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (options.size() < PollLimits.OPTIONS_MIN) {
            problems.put(PollDraft.OPTIONS, "Enter at least " + PollLimits.OPTIONS_MIN + " answers to choose from");
        } else if (options.size() > PollLimits.OPTIONS_MAX) {
            problems.put(PollDraft.OPTIONS, "A poll can have at most " + PollLimits.OPTIONS_MAX + " answers");
        } else if (options.stream().anyMatch(o -> o.length() > PollLimits.OPTION_MAX)) {
            problems.put(PollDraft.OPTIONS, "Each answer must be " + PollLimits.OPTION_MAX + " characters or fewer");
        } else if (options.stream().map(String::toLowerCase).distinct().count() < options.size()) {
            problems.put(PollDraft.OPTIONS, "Each answer must be different");
        } else {
            options.stream().map(o -> TextRule.problem("An answer", o, TextRule.Lines.ONE)).flatMap(java.util.Optional::stream)
                    .findFirst().ifPresent(p -> problems.put(PollDraft.OPTIONS, p));
        }
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        if (repository.lockAndCountPolls(sessionId) >= PollLimits.POLLS_PER_SESSION_MAX) {
            throw new PollException(PollException.Code.TOO_MANY_POLLS, "This session already has "
                    + PollLimits.POLLS_PER_SESSION_MAX + " polls, the most it can have.");
        }
        long id = repository.insert(sessionId, question, options, draft.multiple(), draft.anonymous(), user.id(),
                clock.instant());
        changed(sessionId);
        return new SaveResult.Saved<>(id);
    }

    /** Opens a prepared poll for answers. */
    public void open(long pollId) {
        PollRepository.PollRow poll = runnable(pollId);
        if (session(poll.sessionId()).cancelled()) {
            throw new PollException(PollException.Code.SESSION_OVER, "This session is cancelled, so its polls cannot open.");
        }
        if (!repository.changeState(pollId, PollState.DRAFT, PollState.OPEN, clock.instant())) {
            throw new PollException(PollException.Code.INVALID_STATE, "This poll has already been opened.");
        }
        changed(poll.sessionId());
    }

    /** Closes an open poll: no more answers, and for an anonymous poll nothing links an answer to a person any more. */
    public void close(long pollId) {
        PollRepository.PollRow poll = runnable(pollId);
        if (!repository.changeState(pollId, PollState.OPEN, PollState.CLOSED, clock.instant())) {
            throw new PollException(PollException.Code.INVALID_STATE, "This poll is not open, so it cannot be closed.");
        }
        if (poll.anonymous()) {
            repository.forgetWhoAnswered(pollId);
        }
        changed(poll.sessionId());
    }

    /** Removes a poll that was never opened (an opened poll's answers are kept for the report). */
    public void deleteDraft(long pollId) {
        PollRepository.PollRow poll = runnable(pollId);
        if (poll.state() != PollState.DRAFT) {
            throw new PollException(PollException.Code.INVALID_STATE, "Only a poll that has not been opened can be removed.");
        }
        repository.deleteDraft(pollId);
        changed(poll.sessionId());
    }

    private PollRepository.PollRow runnable(long pollId) {
        PollRepository.PollRow poll = repository.poll(pollId, false).orElseThrow(() -> noPoll(pollId));
        requireRunner(poll.sessionId());
        return poll;
    }

    // ---- attendees ------------------------------------------------------------------------------------------

    /**
     * Answers an open poll as the signed-in person, or changes their answer. Choices that do not fit the poll come
     * back as {@link SaveResult.Invalid} on {@link #CHOICES}; a poll that is not open is refused with a
     * {@link PollException}.
     */
    public SaveResult<Set<Integer>> answer(long pollId, Collection<Integer> choices) {
        ConveneUser user = currentUser.get().orElseThrow(() ->
                new AccessDeniedException("Sign in to answer polls."));
        PollRepository.PollRow poll = repository.poll(pollId, true).orElseThrow(() -> noPoll(pollId));
        if (poll.state() != PollState.OPEN) {
            throw new PollException(PollException.Code.NOT_OPEN, poll.state() == PollState.CLOSED
                    ? "This poll has closed, so answers are no longer taken." : "This poll is not open yet.");
        }
        Set<Integer> chosen = new TreeSet<>(choices);
        String problem = chosen.isEmpty() ? "Choose an answer, then press Submit"
                : !poll.multiple() && chosen.size() > 1 ? "Choose only one answer"
                : !poll.positions().containsAll(chosen) ? "Choose from the answers shown" : null;
        if (problem != null) {
            return new SaveResult.Invalid<>(Map.of(CHOICES, problem));
        }
        repository.answer(pollId, user.id(), chosen, clock.instant());
        changed(poll.sessionId());
        return new SaveResult.Saved<>(chosen);
    }

    /** The signed-in person's answers to the session's polls that still know who answered them (by poll). */
    @Transactional(readOnly = true)
    public Map<Long, Set<Integer>> myAnswers(long sessionId) {
        return currentUser.get().map(u -> repository.answersOf(sessionId, u.id())).orElse(Map.of());
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** Refuses a session that does not exist ({@link NoSuchSessionException}); anyone may follow an existing one's polls. */
    @Transactional(readOnly = true)
    public void requireVisible(long sessionId) {
        session(sessionId);
    }

    /** Every poll of the session and its counts. Not checked: drafts are shown only by the facilitators' part. */
    @Transactional(readOnly = true)
    public PollBoard board(long sessionId) {
        // the time is taken before reading: a board read later always holds every change this one holds
        long readNanos = System.nanoTime();
        return new PollBoard(sessionId, repository.polls(sessionId), readNanos);
    }

    /** The polls that were opened, with their results, for the session report. */
    @Transactional(readOnly = true)
    public List<Poll> report(long sessionId) {
        session(sessionId);
        requireRunner(sessionId);
        return board(sessionId).visible();
    }

    /** The report as CSV: one row per answer of each poll. Returns the rows written. */
    @Transactional(readOnly = true)
    public long writeCsv(long sessionId, Writer out) throws IOException {
        List<Poll> polls = report(sessionId);
        out.write("poll,question,state,anonymous,multiple_choice,answer,chosen_by,answered,percent,result\r\n");
        long rows = 0;
        for (Poll poll : polls) {
            for (PollOption option : poll.options()) {
                List<String> cells = new ArrayList<>(List.of(Long.toString(poll.id()), poll.question(),
                        poll.state().name(), Boolean.toString(poll.anonymous()), Boolean.toString(poll.multiple()),
                        option.label(), Integer.toString(option.count()), Integer.toString(poll.answered()),
                        Integer.toString(poll.percent(option)), poll.sentence(option)));
                out.write(String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n");
                rows++;
            }
        }
        return rows;
    }

    private PollRepository.SessionTimes session(long sessionId) {
        return repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    private static PollException noPoll(long pollId) {
        return new PollException(PollException.Code.NOT_FOUND, "There is no poll with id " + pollId
                + ". It may have been removed.");
    }

    private void changed(long sessionId) {
        notices.publish(CHANNEL, Long.toString(sessionId));
    }
}
