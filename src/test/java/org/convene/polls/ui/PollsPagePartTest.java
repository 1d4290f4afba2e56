package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.router.RouteParameters;
import org.convene.core.security.ConveneUser;
import org.convene.timetable.ui.SessionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.polls.ui.PollsTestSupport.answer;
import static org.convene.polls.ui.PollsTestSupport.close;
import static org.convene.polls.ui.PollsTestSupport.open;

class PollsPagePartTest extends PollsPartTest {

    ConveneUser attendee;

    @BeforeEach
    void setUp() {
        attendee = data.user();
    }

    private PollsPagePart openPage() {
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("id", Long.toString(session)));
        return _get(PollsPagePart.class);
    }

    @Test
    void an_open_poll_is_a_fieldset_with_its_question_as_legend_and_a_radio_button_per_answer() {
        long id = open(polls, facilitator, session, "Can you hear the speaker?", "Yes", "No");
        login(attendee);
        openPage();
        FieldSet fieldSet = _get(FieldSet.class);
        assertThat(fieldSet.getLegendText()).isEqualTo("Can you hear the speaker?");
        assertThat(_find(Input.class)).extracting(Input::getType).containsExactly("radio", "radio");
        assertThat(_get(Input.class, spec -> spec.withId("poll-" + id + "-option-1")).getElement().getAttribute("name"))
                .isEqualTo("poll-" + id);
    }

    @Test
    void an_attendee_answers_and_is_told_plainly_what_was_saved() {
        long id = open(polls, facilitator, session, "Can you hear the speaker?", "Yes", "No");
        login(attendee);
        PollsPagePart part = openPage();
        PollForm form = part.form(id);
        assertThat(form).isNotNull();
        form.choose(Set.of(2));
        _click(_get(Button.class, spec -> spec.withText("Submit answer")));
        assertThat(form.statusText()).isEqualTo("Thank you. Your answer is saved: No. You can change it until the poll closes.");
        assertThat(polls.board(session).polls().getFirst().answered()).isEqualTo(1);
        assertThat(_get(Button.class, spec -> spec.withId("poll-" + id + "-submit")).getText()).isEqualTo("Change answer");
    }

    @Test
    void submitting_without_a_choice_says_what_to_do() {
        long id = open(polls, facilitator, session, "Can you hear the speaker?", "Yes", "No");
        login(attendee);
        PollForm form = openPage().form(id);
        _click(_get(Button.class, spec -> spec.withText("Submit answer")));
        assertThat(form.errorText()).isEqualTo("Error: Choose an answer, then press Submit");
        assertThat(_get(FieldSet.class).getElement().getAttribute("aria-describedby"))
                .isEqualTo("poll-" + id + "-hint poll-" + id + "-error");
    }

    @Test
    void people_not_signed_in_are_asked_to_log_in_to_answer() {
        open(polls, facilitator, session, "Can you hear the speaker?", "Yes", "No");
        openPage();
        assertThat(_find(FieldSet.class)).isEmpty();
        assertThat(_get(PollsPagePart.class).getElement().getTextRecursively()).contains("Log in to answer it");
    }

    @Test
    void a_poll_opening_and_closing_is_announced_and_a_closed_poll_shows_its_results() {
        login(attendee);
        PollsPagePart part = openPage();
        assertThat(part.announcement()).isEmpty();
        long id = open(polls, facilitator, session, "Was the pace right?", "Yes", "No");
        part.show(polls.board(session));
        assertThat(part.announcement()).isEqualTo("A poll has opened: Was the pace right?");
        assertThat(part.form(id)).isNotNull();
        answer(polls, data.user(), id, 1);
        close(polls, facilitator, id);
        part.show(polls.board(session));
        assertThat(part.announcement()).isEqualTo("A poll has closed: Was the pace right? Its results are shown.");
        assertThat(part.getElement().getTextRecursively()).contains("1 of 1 chose Yes (100%)", "0 of 1 chose No (0%)");
        assertThat(_find(FieldSet.class)).isEmpty();
    }

    @Test
    void answers_from_others_do_not_redraw_a_form_being_filled_in() {
        long id = open(polls, facilitator, session, "Was the pace right?", "Yes", "No");
        login(attendee);
        PollsPagePart part = openPage();
        PollForm form = part.form(id);
        assertThat(form).isNotNull();
        form.choose(Set.of(1));
        answer(polls, data.user(), id, 2);
        part.show(polls.board(session));
        assertThat(part.form(id)).isSameAs(form);
        assertThat(form.chosen()).containsExactly(1);
    }
}
