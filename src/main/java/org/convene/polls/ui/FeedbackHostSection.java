package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.FeedbackService;
import org.convene.programme.ui.HostReportSection;

import java.util.List;
import java.util.Optional;

/** The feedback on all of a host's sessions, added up, in the host's report. */
@SpringComponent
class FeedbackHostSection implements HostReportSection {

    private final FeedbackService feedback;

    FeedbackHostSection(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create(String hostName, List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Optional.empty();
        }
        FeedbackReportPart part = new FeedbackReportPart(feedback.summary(sessionIds),
                out -> feedback.writeCsv(sessionIds, out), "Feedback on " + hostName + "’s sessions",
                "host-feedback.csv");
        return Optional.of(part);
    }
}
