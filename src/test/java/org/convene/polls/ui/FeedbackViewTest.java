package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.ui.SessionReportView;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.polls.ComeAgain;
import org.convene.polls.FeedbackService;
import org.convene.qa.ui.ModerationView;
import org.convene.timetable.ui.SessionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class FeedbackViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    FeedbackService feedback;

    long ended;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long conference = data.conference("Europe/London", today.minusDays(1), today.plusDays(1));
        ended = data.session(conference, "Gardening for all", now.minusSeconds(7200), now.minusSeconds(3600));
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(ended, facilitator);
    }

    private FeedbackView openFeedback(long session) {
        UI.getCurrent().navigate(FeedbackView.class, new RouteParameters("id", Long.toString(session)));
        return _get(FeedbackView.class);
    }

    @Test
    void the_form_asks_three_questions_as_radio_groups_with_visible_labels_and_says_it_is_anonymous() {
        login(data.user());
        FeedbackView view = openFeedback(ended);
        assertThat(_find(FieldSet.class)).extracting(FieldSet::getLegendText).containsExactly(
                "How useful was this session for you? (optional)", "How easy was it for you to take part? (optional)",
                "Would you come to a session like this again? (optional)");
        assertThat(_find(Input.class)).hasSize(13).allMatch(i -> i.getType().equals("radio"));
        assertThat(view.getElement().getTextRecursively()).contains("Your name is not shown with your feedback");
    }

    @Test
    void an_attendee_gives_feedback_and_sees_it_was_saved() {
        login(data.user());
        FeedbackView view = openFeedback(ended);
        _get(FeedbackForm.class).choose(5, 4, ComeAgain.YES, "Thank you");
        _click(_get(Button.class, spec -> spec.withId("feedback-send")));
        assertThat(view.statusText()).isEqualTo("Thank you. Your feedback is saved. You can come back to this page to change it.");
        assertThat(feedback.mine(ended)).isPresent();
    }

    @Test
    void sending_nothing_shows_the_error_summary_and_an_error_title() {
        login(data.user());
        FeedbackView view = openFeedback(ended);
        _click(_get(Button.class, spec -> spec.withId("feedback-send")));
        assertThat(_get(FeedbackForm.class).summaryText()).isEqualTo("Answer at least one question, or write something");
        assertThat(view.getPageTitle()).isEqualTo("Error: Feedback on Gardening for all - Convene");
    }

    @Test
    void before_the_end_the_page_says_when_feedback_opens() {
        long live = data.liveSession();
        login(data.user());
        assertThat(openFeedback(live).getElement().getTextRecursively()).contains("Feedback opens when the session ends.");
        assertThat(_find(FeedbackForm.class)).isEmpty();
    }

    @Test
    void people_not_signed_in_are_asked_to_log_in() {
        assertThat(openFeedback(ended).getElement().getTextRecursively()).contains("Log in to give feedback");
        assertThat(_find(FeedbackForm.class)).isEmpty();
    }

    @Test
    void the_session_page_invites_feedback_once_it_has_ended() {
        login(data.user());
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("id", Long.toString(ended)));
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withText("Give feedback on this session")).getHref()).isEqualTo("sessions/" + ended + "/feedback");
    }

    @Test
    void a_facilitator_enters_feedback_given_by_phone_on_the_moderation_page() {
        login(facilitator);
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(ended)));
        FeedbackPhonePart part = _get(FeedbackPhonePart.class);
        part.form().choose(3, 2, ComeAgain.PARTLY, "Said by phone");
        _click(_get(Button.class, spec -> spec.withId("phone-feedback-send")));
        assertThat(part.statusText()).isEqualTo("The feedback given by phone is saved. You can enter another person's now.");
        assertThat(feedback.summary(ended).byPhone()).isEqualTo(1);
    }

    @Test
    void the_session_report_shows_counts_per_answer_and_the_texts() {
        login(data.user());
        feedback.give(ended, new org.convene.polls.FeedbackDraft(5, 5, ComeAgain.YES, "Lovely"));
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(SessionReportView.class, new RouteParameters("id", Long.toString(ended)));
        String text = _get(FeedbackReportPart.class).getElement().getTextRecursively();
        assertThat(text).contains("1 person gave feedback.", "Very useful", "Lovely", "Feedback (CSV)");
    }
}
