package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import org.convene.qa.ui.StageView;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.polls.ui.PollsTestSupport.answer;
import static org.convene.polls.ui.PollsTestSupport.close;
import static org.convene.polls.ui.PollsTestSupport.open;
import static org.convene.polls.ui.PollsTestSupport.prepare;

class PollsStagePartTest extends PollsPartTest {

    private PollsStagePart openStage() {
        UI.getCurrent().navigate(StageView.class, new RouteParameters("id", Long.toString(session)));
        return _get(PollsStagePart.class);
    }

    @Test
    void the_stage_shows_an_open_polls_results_as_words_and_a_table_but_never_a_draft() {
        long id = open(polls, facilitator, session, "Is the text big enough?", "Yes", "No");
        prepare(polls, facilitator, session, "A draft nobody should see", false, "A", "B");
        answer(polls, data.user(), id, 1);
        answer(polls, data.user(), id, 1);
        answer(polls, data.user(), id, 2);
        PollsStagePart part = openStage();
        String text = part.getElement().getTextRecursively();
        assertThat(text).contains("Is the text big enough?", "2 of 3 chose Yes (67%)", "1 of 3 chose No (33%)",
                "Show the numbers as a table").doesNotContain("A draft nobody should see");
    }

    @Test
    void the_stage_follows_answers_and_announces_a_closing() {
        long id = open(polls, facilitator, session, "Is the text big enough?", "Yes", "No");
        PollsStagePart part = openStage();
        answer(polls, data.user(), id, 2);
        part.show(polls.board(session));
        assertThat(part.getElement().getTextRecursively()).contains("1 of 1 chose No (100%)");
        close(polls, facilitator, id);
        part.show(polls.board(session));
        assertThat(part.announcement()).isEqualTo("A poll has closed: Is the text big enough? Its results are shown.");
        assertThat(part.getElement().getTextRecursively()).contains("This poll has closed.");
    }
}
