package org.convene.polls.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.SaveResult;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.FeedbackDraft;
import org.convene.polls.FeedbackService;
import org.convene.polls.PollException;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.springframework.security.access.AccessDeniedException;

/** Feedback on one session, after it ends: three short questions and a box for anything else, all optional. */
@Route(value = "sessions/:id(\\d+)/feedback", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/polls.css")
public class FeedbackView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String PRIVACY = "Your name is not shown with your feedback: the people who run the session see "
            + "only the answers. We keep a note that you gave feedback only so that you can change it and each "
            + "person gives it once.";

    private final FeedbackService feedback;
    private final ProgrammeService programme;
    private final CurrentUser currentUser;
    private final PoliteStatus status = new PoliteStatus();
    private String title = "Feedback - Convene";
    private String baseTitle = title;

    public FeedbackView(FeedbackService feedback, ProgrammeService programme, CurrentUser currentUser) {
        this.feedback = feedback;
        this.programme = programme;
        this.currentUser = currentUser;
        addClassName("cv-feedback-page");
        status.setId("feedback-status");
        status.addClassName("cv-poll-status");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        SessionDetail session = programme.session(id).orElseThrow(() -> new NotFoundException("No such session"));
        baseTitle = "Feedback on " + session.title() + " - Convene";
        title = baseTitle;
        removeAll();
        status.setText("");
        add(new H1("Feedback on " + session.title()));
        Anchor back = new Anchor("sessions/" + id, "Back to the session");
        if (!feedback.isOpen(id)) {
            add(new Paragraph(session.cancelled() ? "This session was cancelled, so there is no feedback to give."
                    : "Feedback opens when the session ends."), new Paragraph(back));
            return;
        }
        if (currentUser.get().isEmpty()) {
            Paragraph logIn = new Paragraph("We ask you to log in so that each person gives feedback once. ");
            logIn.add(new Anchor("login", "Log in to give feedback"));
            add(logIn, new Paragraph(back));
            return;
        }
        FeedbackForm form = new FeedbackForm("feedback", "Send feedback");
        feedback.mine(id).ifPresent(form::fill);
        form.addSendListener(e -> send(id, form, e.draft()));
        Paragraph lead = new Paragraph("Three short questions. Answer as many as you like.");
        lead.addClassName("cv-lead");
        add(lead, new Paragraph(PRIVACY), form, status, new Paragraph(back));
    }

    private void send(long sessionId, FeedbackForm form, FeedbackDraft draft) {
        try {
            switch (feedback.give(sessionId, draft)) {
                case SaveResult.Saved<FeedbackDraft> saved -> {
                    form.clearProblems();
                    title = baseTitle;
                    status.setText("Thank you. Your feedback is saved. You can come back to this page to change it.");
                }
                case SaveResult.Invalid<FeedbackDraft> invalid -> {
                    title = "Error: " + baseTitle;
                    status.setText("");
                    form.showProblems(invalid.problems());
                }
                case SaveResult.Conflict<FeedbackDraft> conflict -> status.setText("Please try again.");
            }
            getUI().ifPresent(ui -> ui.getPage().setTitle(title));
        } catch (PollException | AccessDeniedException e) {
            status.setText(String.valueOf(e.getMessage()));
        }
    }

    String statusText() {
        return status.getText();
    }
}
