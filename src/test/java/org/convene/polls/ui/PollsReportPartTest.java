package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouteParameters;
import org.convene.attendance.ui.SessionReportView;
import org.convene.core.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.polls.ui.PollsTestSupport.answer;
import static org.convene.polls.ui.PollsTestSupport.close;
import static org.convene.polls.ui.PollsTestSupport.open;

class PollsReportPartTest extends PollsPartTest {

    @Test
    void the_session_report_lists_each_polls_results_and_offers_the_csv() {
        long id = open(polls, facilitator, session, "Would you like more breaks?", "Yes", "No");
        answer(polls, data.user(), id, 1);
        close(polls, facilitator, id);
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(SessionReportView.class, new RouteParameters("id", Long.toString(session)));
        PollsReportPart part = _get(PollsReportPart.class);
        assertThat(part.getElement().getTextRecursively()).contains("Would you like more breaks?", "Closed",
                "1 of 1 chose Yes (100%)");
        assertThat(_get(Anchor.class, spec -> spec.withId("report-polls-csv")).getText()).isEqualTo("Poll results (CSV)");
    }

    @Test
    void a_session_without_polls_says_so() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(SessionReportView.class, new RouteParameters("id", Long.toString(session)));
        assertThat(_get(PollsReportPart.class).getElement().getTextRecursively())
                .contains("No polls were opened in this session.");
    }
}
