package org.convene.qa.ui;

import static org.convene.qa.QaResults.saved;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ProgrammeService;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.function.Supplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StageViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    ProgrammeService programme;

    long session;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    private void open() {
        UI.getCurrent().navigate(StageView.class, new RouteParameters("id", Long.toString(session)));
    }

    /** The stage is open to anyone: the test page stays signed out while others act through the service. */
    private <T> T as(ConveneUser user, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private QuestionView ask(String text, boolean anonymous) {
        return as(data.user(), () -> saved(qa.ask(session, text, anonymous)));
    }

    private void vote(QuestionView question, int times) {
        for (int i = 0; i < times; i++) {
            as(data.user(), () -> {
                qa.vote(question.id(), true);
                return null;
            });
        }
    }

    private static StageView stage() {
        return _get(StageView.class);
    }

    @Test
    void with_nothing_on_stage_it_says_questions_will_appear_here() {
        open();

        String title = programme.session(session).orElseThrow().title();
        assertThat(_get(H1.class).getText()).isEqualTo(title);
        assertThat(stage().getPageTitle()).isEqualTo("Stage: " + title);
        assertThat(stage().onStageText()).isEqualTo("Questions will appear here");
        assertThat(_find(H2.class)).as("no next questions yet").isEmpty();
        assertThat(_find(MainLayout.class)).as("full screen: no navigation").isEmpty();
    }

    @Test
    void the_pinned_question_is_shown_large_with_its_author_and_the_next_ones_by_votes() {
        QuestionView pinned = ask("How will you involve people who are not online?", false);
        QuestionView two = ask("Two votes", true);
        QuestionView five = ask("Five votes", false);
        QuestionView none = ask("No votes", false);
        QuestionView answered = ask("Already answered", false);
        vote(two, 2);
        vote(five, 5);
        as(facilitator, () -> {
            moderation.pin(pinned.id());
            moderation.markAnswered(answered.id());
            return null;
        });

        open();

        assertThat(stage().onStageText()).startsWith("On stage").contains("How will you involve people who are not online?");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("cv-stage-question")))
                .singleElement().satisfies(p -> assertThat(p.getText()).isEqualTo("How will you involve people who are not online?"));
        assertThat(stage().onStageText()).endsWith(pinned.authorName());
        assertThat(_get(H2.class).getText()).isEqualTo("Next questions");
        assertThat(stage().nextTexts()).containsExactly("Five votes5 votes", "Two votes2 votes", "No votes0 votes");
        assertThat(none.votes()).isZero();
    }

    @Test
    void an_anonymous_question_on_stage_says_anonymous() {
        QuestionView secret = ask("A question without my name", true);
        as(facilitator, () -> {
            moderation.pin(secret.id());
            return null;
        });

        open();

        assertThat(stage().onStageText()).endsWith("Anonymous");
    }

    @Test
    void it_shows_at_most_five_next_questions() {
        for (int i = 1; i <= 6; i++) {
            ask("Question " + i, false);
        }

        open();

        assertThat(stage().nextTexts()).hasSize(StageView.NEXT_COUNT);
    }

    @Test
    void putting_a_question_on_stage_elsewhere_updates_the_screen_live() {
        QuestionView first = ask("First on stage", false);
        QuestionView second = ask("Second on stage", false);
        open();
        assertThat(stage().onStageText()).isEqualTo("Questions will appear here");

        as(facilitator, () -> {
            moderation.pin(first.id());
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(stage().onStageText()).contains("First on stage");
            assertThat(stage().nextTexts()).containsExactly("Second on stage0 votes");
        });

        as(facilitator, () -> {
            moderation.pin(second.id());
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(stage().onStageText()).contains("Second on stage");
            assertThat(stage().nextTexts()).containsExactly("First on stage0 votes");
        });
    }

    @Test
    void an_unknown_or_malformed_session_answers_page_not_found_with_a_404() {
        assertThat(openAddress("sessions/999999999/stage")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("sessions/stage/stage")).isEqualTo(404);
        assertThat(_find(StageView.class)).isEmpty();
    }
}
