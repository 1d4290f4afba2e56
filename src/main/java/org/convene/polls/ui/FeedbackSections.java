package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.FeedbackService;
import org.convene.polls.PollService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** Feedback's parts of a session's own pages: typing in phone feedback (moderation) and the results (report). */
final class FeedbackSections {

    private FeedbackSections() {
    }

    @SpringComponent
    static class Phone implements SessionViewSection {
        private final FeedbackService feedback;
        private final PollService polls;

        Phone(FeedbackService feedback, PollService polls) {
            this.feedback = feedback;
            this.polls = polls;
        }

        @Override
        public View view() {
            return View.MODERATION;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public Optional<Component> create(long sessionId, ZoneId zone) {
            return polls.mayRun(sessionId) ? Optional.of(new FeedbackPhonePart(feedback, sessionId)) : Optional.empty();
        }
    }

    @SpringComponent
    static class Report implements SessionViewSection {
        private final FeedbackService feedback;
        private final PollService polls;

        Report(FeedbackService feedback, PollService polls) {
            this.feedback = feedback;
            this.polls = polls;
        }

        @Override
        public View view() {
            return View.REPORT;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public Optional<Component> create(long sessionId, ZoneId zone) {
            if (!polls.mayRun(sessionId)) {
                return Optional.empty();
            }
            return Optional.of(new FeedbackReportPart(feedback.summary(sessionId),
                    out -> feedback.writeCsv(sessionId, out)));
        }
    }
}
