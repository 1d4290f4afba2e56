package org.convene.qa;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

import static org.convene.qa.QaException.Code;

/**
 * What a session's facilitators (and organisers) do to its questions: approve, edit, dismiss, answer, put on
 * stage, reply, merge, add one sent in, and switch the session's settings. Each change is checked, written and
 * recorded in the event log in one transaction, with the rules and the log {@link QaService} keeps for both
 * asking and moderating.
 */
@Service
@Transactional
public class QaModerationService {

    private final QaRepository repository;
    private final QaService qa;
    private final CurrentUser currentUser;
    private final Clock clock;

    QaModerationService(QaRepository repository, QaService qa, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.qa = qa;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /*
     * What a facilitator typed comes back as SaveResult.Invalid, on the field it is about, so the dialog keeps it
     * for correcting; a question that someone else has handled meanwhile is refused with a QaException (the
     * dialog has nothing left to correct). The saved value is the question's id.
     */

    /** Approves a pending question, optionally with its text edited first. */
    public SaveResult<Long> approve(long questionId, @Nullable String editedText) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (question.state() != QuestionState.PENDING && question.state() != QuestionState.DISMISSED) {
            throw new QaException(Code.INVALID_STATE, "Only a waiting or dismissed question can be approved.");
        }
        TextChecks checks = new TextChecks();
        String text = editedText == null ? question.text() : QaService.questionText(checks, editedText);
        SaveResult.Invalid<Long> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        repository.update(questionId, QuestionState.APPROVED, text, null, false, null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.CREATED);
        return new SaveResult.Saved<>(questionId);
    }

    public SaveResult<Long> edit(long questionId, String newText) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (question.state() == QuestionState.MERGED) {
            throw new QaException(Code.INVALID_STATE, "A merged question cannot be edited; edit the one it was merged into.");
        }
        TextChecks checks = new TextChecks();
        String text = QaService.questionText(checks, newText);
        SaveResult.Invalid<Long> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        repository.update(questionId, question.state(), text, null, question.pinned(), null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.UPDATED : null);
        return new SaveResult.Saved<>(questionId);
    }

    public SaveResult<Long> dismiss(long questionId, @Nullable String reason) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (question.state() == QuestionState.DISMISSED || question.state() == QuestionState.MERGED) {
            throw new QaException(Code.INVALID_STATE, "This question has already been dismissed or merged.");
        }
        TextChecks checks = new TextChecks();
        String cleanReason = checks.optional(QaFields.REASON, reason, QaLimits.DISMISS_REASON_MAX_LENGTH, "The reason",
                TextRule.Lines.MANY);
        SaveResult.Invalid<Long> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        repository.update(questionId, QuestionState.DISMISSED, question.text(), cleanReason, false, null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.REMOVED : null);
        return new SaveResult.Saved<>(questionId);
    }

    /** Marks a question answered. An answered question leaves the stage: the facilitator has moved on. */
    public void markAnswered(long questionId) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (question.state() != QuestionState.APPROVED) {
            throw new QaException(Code.INVALID_STATE, "Only an approved question can be marked answered.");
        }
        repository.update(questionId, QuestionState.ANSWERED, question.text(), null, false, null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    /** Puts a question on stage, taking any other one off. */
    public void pin(long questionId) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (!question.state().isPublic()) {
            throw new QaException(Code.INVALID_STATE, "Approve the question before putting it on stage.");
        }
        if (question.pinned()) {
            return;
        }
        Optional<Long> previous = repository.unpinAll(question.sessionId(), clock.instant());
        previous.ifPresent(id -> qa.record(question.sessionId(), QaEvent.UPDATED, id, null, QaEvent.UPDATED));
        repository.update(questionId, question.state(), question.text(), null, true, null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    public void unpin(long questionId) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        if (!question.pinned()) {
            return;
        }
        repository.update(questionId, question.state(), question.text(), null, false, null, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, QaEvent.UPDATED);
    }

    public SaveResult<Long> reply(long questionId, String text) {
        QaRepository.QuestionRow question = qa.moderatable(questionId);
        ConveneUser user = currentUser.require();
        TextChecks checks = new TextChecks();
        String clean = checks.required(QaFields.TEXT, text, QaLimits.REPLY_MAX_LENGTH, "Your reply");
        SaveResult.Invalid<Long> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        repository.insertReply(questionId, user.id(), user.displayName(), clean, clock.instant());
        qa.record(question.sessionId(), QaEvent.UPDATED, questionId, null, question.state().isPublic() ? QaEvent.UPDATED : null);
        return new SaveResult.Saved<>(questionId);
    }

    /** Merges a duplicate into another question of the same session; the duplicate's votes carry over. */
    public void merge(long duplicateId, long targetId) {
        if (duplicateId == targetId) {
            throw new QaException(Code.INVALID_STATE, "A question cannot be merged into itself.");
        }
        QaRepository.QuestionRow duplicate = qa.moderatable(duplicateId);
        QaRepository.QuestionRow target = qa.question(targetId);
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
        qa.record(duplicate.sessionId(), QaEvent.UPDATED, duplicateId, null, duplicate.state().isPublic() ? QaEvent.REMOVED : null);
        repository.update(targetId, target.state(), target.text(), null, target.pinned(), null, clock.instant());
        qa.record(duplicate.sessionId(), QaEvent.UPDATED, targetId, null, target.state().isPublic() ? QaEvent.UPDATED : null);
    }

    /** A question sent in by phone or email, typed in by a facilitator and marked as such. */
    public SaveResult<QuestionView> askOnBehalf(long sessionId, String text, @Nullable String onBehalfOf) {
        ConveneUser facilitator = qa.requireModerator(sessionId);
        TextChecks checks = new TextChecks();
        String clean = QaService.questionText(checks, text);
        String who = checks.optional(QaFields.ON_BEHALF_OF, onBehalfOf, QaLimits.ON_BEHALF_OF_MAX_LENGTH, "The name",
                TextRule.Lines.ONE);
        SaveResult.Invalid<QuestionView> invalid = checks.invalid();
        if (invalid != null) {
            return invalid;
        }
        qa.session(sessionId);
        repository.lockSettings(sessionId);
        long id = repository.insertQuestion(sessionId, null, who == null, facilitator.id(),
                who == null ? "someone who sent it in" : who, clean, QuestionState.APPROVED, clock.instant());
        qa.record(sessionId, QaEvent.CREATED, id, null, QaEvent.CREATED);
        return new SaveResult.Saved<>(qa.view(id));
    }

    public QaSettings updateSettings(long sessionId, boolean open, boolean preModeration, boolean anonymousAllowed) {
        qa.requireModerator(sessionId);
        repository.lockSettings(sessionId);
        QaSettings settings = new QaSettings(sessionId, open, preModeration, anonymousAllowed);
        repository.updateSettings(settings);
        qa.record(sessionId, QaEvent.SETTINGS, null, null, QaEvent.SETTINGS);
        return settings;
    }
}
