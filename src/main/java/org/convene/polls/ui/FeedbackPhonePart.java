package org.convene.polls.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.core.SaveResult;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.FeedbackDraft;
import org.convene.polls.FeedbackService;
import org.convene.polls.PollException;
import org.springframework.security.access.AccessDeniedException;

/** On the moderation page: facilitators type in feedback someone gave them by phone (or in person). */
class FeedbackPhonePart extends Section {

    private final FeedbackService feedback;
    private final long sessionId;
    private final FeedbackForm form = new FeedbackForm("phone-feedback", "Save feedback given by phone");
    private final PoliteStatus status = new PoliteStatus();

    FeedbackPhonePart(FeedbackService feedback, long sessionId) {
        this.feedback = feedback;
        this.sessionId = sessionId;
        setId("phone-feedback-part");
        status.setId("phone-feedback-status");
        status.addClassName("cv-poll-status");
        form.addSendListener(e -> save(e.draft()));
        Details details = new Details("Enter feedback given by phone", new Div(
                new Paragraph("For someone who told you their feedback. It is counted with the rest and shown without "
                        + "a name. Enter each person's feedback once."), form));
        details.setId("phone-feedback");
        add(details, status);
    }

    private void save(FeedbackDraft draft) {
        try {
            switch (feedback.enterByPhone(sessionId, draft)) {
                case SaveResult.Saved<FeedbackDraft> saved -> {
                    form.clear();
                    status.setText("The feedback given by phone is saved. You can enter another person's now.");
                }
                case SaveResult.Invalid<FeedbackDraft> invalid -> {
                    status.setText("");
                    form.showProblems(invalid.problems());
                }
                case SaveResult.Conflict<FeedbackDraft> conflict -> status.setText("Please try again.");
            }
        } catch (PollException | AccessDeniedException e) {
            status.setText(String.valueOf(e.getMessage()));
        }
    }

    String statusText() {
        return status.getText();
    }

    FeedbackForm form() {
        return form;
    }
}
