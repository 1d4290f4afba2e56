package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.PollService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** The polls in the session's report, for those who may run the session's polls (organisers and its host). */
@SpringComponent
class PollsReportSection implements SessionViewSection {

    private final PollService polls;

    PollsReportSection(PollService polls) {
        this.polls = polls;
    }

    @Override
    public View view() {
        return View.REPORT;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!polls.mayRun(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new PollsReportPart(sessionId, polls.report(sessionId),
                out -> polls.writeCsv(sessionId, out)));
    }
}
