package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.FeedbackService;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.util.Optional;

/** Once a session has ended, its page invites feedback (the questions are on their own page, sessions/{id}/feedback). */
@SpringComponent
class FeedbackPageSection implements SessionPageSection {

    private final FeedbackService feedback;

    FeedbackPageSection(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Place place() {
        return Place.UNDER_JOIN;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        if (session.cancelled() || !feedback.isOpen(session.id())) {
            return Optional.empty();
        }
        boolean given = feedback.mine(session.id()).isPresent();
        Section section = new Section(new H2("Tell us what you thought"),
                new Paragraph("Three short questions, all optional. Your name is not shown with your answers."),
                new Paragraph(new Anchor("sessions/" + session.id() + "/feedback",
                        given ? "Change your feedback on this session" : "Give feedback on this session")));
        section.setId("feedback-invitation");
        return Optional.of(section);
    }
}
