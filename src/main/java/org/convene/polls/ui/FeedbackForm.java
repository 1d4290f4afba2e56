package org.convene.polls.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.convene.polls.ComeAgain;
import org.convene.polls.FeedbackDraft;
import org.convene.polls.FeedbackLimits;
import org.convene.polls.FeedbackQuestions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three questions after a session and a box for anything else, each optional. Used by attendees and, on the
 * moderation page, by facilitators typing in feedback given by phone; raises {@link SendEvent}.
 */
class FeedbackForm extends Div {

    /** Send was pressed with what the form holds. */
    static final class SendEvent extends ComponentEvent<FeedbackForm> {
        private final FeedbackDraft draft;

        SendEvent(FeedbackForm source, FeedbackDraft draft) {
            super(source, true);
            this.draft = draft;
        }

        FeedbackDraft draft() {
            return draft;
        }
    }

    private final ErrorSummary summary;
    private final ChoiceFieldSet<Integer> useful;
    private final ChoiceFieldSet<Integer> accessible;
    private final ChoiceFieldSet<ComeAgain> comeAgain;
    private final TextArea comment = new TextArea("Anything else you want to tell us? (optional)");
    private final Button send;

    FeedbackForm(String idPrefix, String sendText) {
        addClassName("cv-feedback");
        summary = new ErrorSummary(idPrefix + "-errors");
        Map<Integer, String> usefulWords = new LinkedHashMap<>();
        Map<Integer, String> accessibleWords = new LinkedHashMap<>();
        for (int score : FeedbackQuestions.scores()) {
            usefulWords.put(score, FeedbackQuestions.useful(score));
            accessibleWords.put(score, FeedbackQuestions.accessible(score));
        }
        Map<ComeAgain, String> againWords = new LinkedHashMap<>();
        for (ComeAgain answer : ComeAgain.values()) {
            againWords.put(answer, answer.label());
        }
        useful = new ChoiceFieldSet<>(idPrefix + "-useful", FeedbackQuestions.USEFUL + " (optional)", usefulWords);
        accessible = new ChoiceFieldSet<>(idPrefix + "-accessible", FeedbackQuestions.ACCESSIBLE + " (optional)",
                accessibleWords);
        comeAgain = new ChoiceFieldSet<>(idPrefix + "-again", FeedbackQuestions.COME_AGAIN + " (optional)", againWords);
        comment.setId(idPrefix + "-comment");
        comment.setMaxLength(FeedbackLimits.COMMENT_MAX);
        comment.setHelperText("Up to " + FeedbackLimits.COMMENT_MAX + " characters.");
        comment.setWidthFull();
        send = new Button(sendText);
        send.setId(idPrefix + "-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> fireEvent(new SendEvent(this, draft())));
        add(summary, useful, accessible, comeAgain, comment, send);
    }

    Registration addSendListener(ComponentEventListener<SendEvent> listener) {
        return addListener(SendEvent.class, listener);
    }

    FeedbackDraft draft() {
        return new FeedbackDraft(useful.getValue(), accessible.getValue(), comeAgain.getValue(), comment.getValue());
    }

    void fill(FeedbackDraft draft) {
        useful.setValue(draft.useful());
        accessible.setValue(draft.accessible());
        comeAgain.setValue(draft.comeAgain());
        comment.setValue(draft.comment());
    }

    /** Shows what is wrong, at the top and beside each field, keeping what was chosen and typed. */
    void showProblems(Map<String, String> problems) {
        Map<String, String> byId = new LinkedHashMap<>();
        String first = problems.get(FeedbackQuestions.FIELD_USEFUL);
        useful.setError(first);
        if (first != null) {
            byId.put(useful.firstInputId(), first);
        }
        String text = problems.get(FeedbackQuestions.FIELD_COMMENT);
        comment.setErrorMessage(text);
        comment.setInvalid(text != null);
        if (text != null) {
            byId.put(comment.getId().orElseThrow(), text);
        }
        summary.show(byId);
    }

    void clearProblems() {
        useful.setError(null);
        comment.setInvalid(false);
        summary.clear();
    }

    void clear() {
        fill(FeedbackDraft.EMPTY);
        clearProblems();
    }

    String summaryText() {
        return summary.text();
    }

    /** For tests: choose answers as a person would. */
    void choose(Integer usefulScore, Integer accessibleScore, ComeAgain again, String text) {
        fill(new FeedbackDraft(usefulScore, accessibleScore, again, text));
    }
}
