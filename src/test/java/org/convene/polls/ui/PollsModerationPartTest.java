package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.polls.Poll;
import org.convene.polls.PollState;
import org.convene.qa.ui.ModerationView;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PollsModerationPartTest extends PollsPartTest {

    private PollsModerationPart openPage() {
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(session)));
        return _get(PollsModerationPart.class);
    }

    private void type(String id, String value) {
        _get(TextField.class, spec -> spec.withId(id)).setValue(value);
    }

    @Test
    void a_facilitator_prepares_opens_and_closes_a_poll_from_the_moderation_page() {
        login(facilitator);
        PollsModerationPart part = openPage();
        type("poll-question", "Could you follow the captions?");
        type("poll-option-1", "Yes");
        type("poll-option-2", "Partly");
        type("poll-option-3", "No");
        _click(_get(Button.class, spec -> spec.withId("poll-save")));
        assertThat(part.statusText()).isEqualTo("The poll is saved. Open it when you are ready.");
        Poll poll = polls.board(session).polls().getFirst();
        assertThat(poll.options()).hasSize(3);
        assertThat(poll.anonymous()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("poll-" + poll.id() + "-open")));
        assertThat(polls.board(session).polls().getFirst().state()).isEqualTo(PollState.OPEN);
        assertThat(part.statusText()).isEqualTo("The poll “Could you follow the captions?” is open.");
        _click(_get(Button.class, spec -> spec.withId("poll-" + poll.id() + "-close")));
        assertThat(polls.board(session).polls().getFirst().state()).isEqualTo(PollState.CLOSED);
        assertThat(part.getElement().getTextRecursively()).contains("Nobody has answered yet");
    }

    @Test
    void a_poll_without_answers_shows_the_error_summary_and_keeps_what_was_typed() {
        login(facilitator);
        PollsModerationPart part = openPage();
        type("poll-question", "Ready?");
        type("poll-option-1", "Yes");
        _click(_get(Button.class, spec -> spec.withId("poll-save")));
        assertThat(part.summaryText()).isEqualTo("Enter at least 2 answers to choose from");
        TextField first = _get(TextField.class, spec -> spec.withId("poll-option-1"));
        assertThat(first.isInvalid()).isTrue();
        assertThat(first.getValue()).isEqualTo("Yes");
        assertThat(_get(TextField.class, spec -> spec.withId("poll-question")).getValue()).isEqualTo("Ready?");
        assertThat(polls.board(session).polls()).isEmpty();
    }

    @Test
    void attendees_do_not_see_the_polls_part() {
        login(data.user());
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(session)));
        assertThat(_find(PollsModerationPart.class)).isEmpty();
    }

    @Test
    void answers_arriving_update_the_results_in_place() {
        login(facilitator);
        PollsModerationPart part = openPage();
        long id = PollsTestSupport.open(polls, facilitator, session, "Tea or coffee?", "Tea", "Coffee");
        part.show(polls.board(session));
        Button close = _get(Button.class, spec -> spec.withId("poll-" + id + "-close"));
        PollsTestSupport.answer(polls, data.user(), id, 2);
        part.show(polls.board(session));
        assertThat(_get(Button.class, spec -> spec.withId("poll-" + id + "-close"))).isSameAs(close);
        assertThat(part.getElement().getTextRecursively()).contains("1 of 1 chose Coffee (100%)");
    }
}
