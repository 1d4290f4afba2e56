package org.convene.qa.ui;

import static org.convene.qa.QaResults.saved;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributools.DepthFirstTreeIteratorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.QueryLog;
import org.convene.qa.LiveBoards;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.timetable.ui.SessionView;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The attendee's Q&A panel, as it appears on the session page. */
class QaPanelTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    QaLiveUpdates live;
    @Autowired
    LiveBoards boards;
    @Autowired
    QueryLog queries;

    long session;
    ConveneUser attendee;
    ConveneUser other;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        attendee = data.user();
        other = data.user();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void open() {
        UI.getCurrent().navigate("sessions/" + session);
    }

    private void open(String query) {
        UI.getCurrent().navigate("sessions/" + session, QueryParameters.fromString(query));
    }

    /** Someone else, in their own browser: a fresh page, not the view instance Vaadin reuses for the same route. */
    private void openAs(ConveneUser user) {
        UI.getCurrent().navigate("");
        if (user == null) {
            logout();
        } else {
            login(user);
        }
        open();
    }

    /** Acts through the service as someone else (another browser), then is this page's user again. */
    private <T> T as(ConveneUser user, Supplier<T> action) {
        Authentication mine = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(mine);
        }
    }

    private void as(ConveneUser user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }

    private static QaPanel panel() {
        return _get(QaPanel.class);
    }

    private static TextArea questionField() {
        return _get(TextArea.class, spec -> spec.withLabel("Your question"));
    }

    /** Karibu 2.6.2's _setValue breaks on Vaadin 25.2: set the value after checking a person could. */
    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    private static void ask(String text) {
        setAsUser(questionField(), text);
        _click(_get(Button.class, spec -> spec.withText("Ask")));
    }

    private static List<String> listed() {
        return panel().shownItems().stream().map(i -> i.question().text()).toList();
    }

    private static QuestionItem item(String text) {
        return panel().shownItems().stream().filter(i -> i.question().text().equals(text)).findFirst().orElseThrow();
    }

    /** Live changes arrive on other threads; the test runs the UI's pending access tasks until they show. */
    private static void eventually(Runnable assertion) {
        // in this thread: Karibu's session and UI are thread-local
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertion.run();
        });
    }

    // ---- asking ----------------------------------------------------------------------------------------------

    @Test
    void a_page_opening_on_a_session_other_pages_show_reads_no_questions_from_the_database() {
        as(other, () -> qa.ask(session, "Will the slides be shared?", false));
        // pages already open on this node: it keeps the session's board for all of them
        QaLiveUpdates.Registration others = boards.watch(session, board -> { });
        try {
            List<String> sql = queries.during(this::open);

            assertThat(sql).noneMatch(statement -> statement.contains("from \"public\".\"question\"")
                    || statement.contains("from \"public\".\"qa_settings\""));
            assertThat(panel().shownItems()).extracting(item -> item.question().text())
                    .containsExactly("Will the slides be shared?");
        } finally {
            others.close();
        }
    }

    @Test
    void a_signed_in_attendee_asks_and_sees_their_question_in_the_list_and_under_their_questions() {
        login(attendee);
        open();

        ask("How do we start co-producing with tenants?");

        assertThat(panel().askStatus()).isEqualTo("Your question was sent.");
        assertThat(questionField().getValue()).isEmpty();
        assertThat(questionField().isInvalid()).isFalse();
        assertThat(listed()).containsExactly("How do we start co-producing with tenants?");
        QuestionItem mine = item("How do we start co-producing with tenants?");
        assertThat(mine.metaText()).startsWith(attendee.displayName() + ", asked at ").endsWith("(UK time)");
        assertThat(panel().mine()).containsExactly(
                "How do we start co-producing with tenants?: Everyone can see this question. 0 votes.");
    }

    @Test
    void an_empty_question_is_refused_on_the_field_with_an_error_summary() {
        login(attendee);
        open();

        ask("   ");

        TextArea field = questionField();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Your question is empty. Type something first.");
        assertThat(panel().errorSummary()).contains("There is a problem", "Your question is empty. Type something first.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Your question is empty. Type something first.")).getHref())
                .isEqualTo("#qa-question");
        assertThat(panel().askStatus()).isEmpty();
        assertThat(listed()).isEmpty();
    }

    @Test
    void a_question_that_is_too_long_is_refused_and_what_was_typed_is_kept() {
        login(attendee);
        open();
        String tooLong = "a".repeat(501);

        ask(tooLong);

        assertThat(questionField().getErrorMessage()).isEqualTo("Your question is 501 characters long. It can be at most 500.");
        assertThat(questionField().getValue()).isEqualTo(tooLong);
        assertThat(questionField().getHelperText()).isEqualTo("1 character too many");

        // fixing it and asking again clears the error
        ask("a".repeat(500));
        assertThat(questionField().isInvalid()).isFalse();
        assertThat(panel().errorSummary()).isEmpty();
        assertThat(panel().askStatus()).isEqualTo("Your question was sent.");
    }

    @Test
    void when_a_facilitator_closes_questions_asking_is_refused_and_the_text_is_kept() {
        login(attendee);
        open();
        as(facilitator, () -> moderation.updateSettings(session, false, false, true));

        eventually(() -> assertThat(panel().stateNote())
                .isEqualTo("Questions are closed for now. You can still read the questions and vote."));
        ask("Can I still ask?");

        assertThat(questionField().getErrorMessage()).isEqualTo("Questions are closed for this session.");
        assertThat(questionField().getValue()).isEqualTo("Can I still ask?");
    }

    @Test
    void the_counter_counts_down_and_is_announced_only_near_the_limit() {
        login(attendee);
        open();
        assertThat(questionField().getHelperText()).isEqualTo("500 characters left");
        assertThat(questionField().getMaxLength()).isEqualTo(500);

        setAsUser(questionField(), "Ten chars!");
        assertThat(questionField().getHelperText()).isEqualTo("490 characters left");
        assertThat(panel().counterAnnouncement()).isEmpty();

        setAsUser(questionField(), "x".repeat(460));
        assertThat(questionField().getHelperText()).isEqualTo("40 characters left");
        assertThat(panel().counterAnnouncement()).isEqualTo("40 characters left");
    }

    @Test
    void the_anonymous_checkbox_is_offered_only_when_the_session_allows_it() {
        login(attendee);
        open();
        Checkbox anonymous = _get(Checkbox.class, spec -> spec.withLabel("Ask anonymously"));
        assertThat(anonymous.getHelperText()).isEqualTo("Not even the facilitators will see your name.");

        setAsUser(anonymous, true);
        ask("Is there support for carers who work?");
        assertThat(item("Is there support for carers who work?").metaText()).startsWith("Anonymous, asked at ");
        assertThat(panel().mine()).singleElement().asString().startsWith("Is there support for carers who work?");

        as(facilitator, () -> moderation.updateSettings(session, true, false, false));
        openAs(other);
        assertThat(_find(Checkbox.class, spec -> spec.withLabel("Ask anonymously"))).isEmpty();
        assertThat(item("Is there support for carers who work?").metaText()).startsWith("Anonymous, ");
    }

    // ---- my questions in every state ---------------------------------------------------------------------

    @Test
    void a_pending_question_shows_waiting_for_approval_to_its_author_only() {
        as(facilitator, () -> moderation.updateSettings(session, true, true, true));
        login(attendee);
        open();
        assertThat(panel().getElement().getTextRecursively())
                .contains("A facilitator checks each question before everyone can see it.");

        ask("Will the slides be in easy read?");

        assertThat(panel().askStatus())
                .isEqualTo("Your question was sent. A facilitator will check it before everyone can see it.");
        assertThat(panel().mine()).containsExactly("Will the slides be in easy read?: Waiting for approval");
        assertThat(listed()).isEmpty();
        assertThat(panel().emptyText()).isEqualTo("No questions yet. Yours could be the first.");

        // it does not vanish for its author on the next visit either
        openAs(attendee);
        assertThat(panel().mine()).containsExactly("Will the slides be in easy read?: Waiting for approval");

        openAs(other);
        assertThat(panel().mine()).isEmpty();
        assertThat(listed()).isEmpty();
        assertThat(panel().getElement().getTextRecursively()).doesNotContain("Will the slides be in easy read?");
    }

    @Test
    void a_dismissed_question_tells_its_author_why() {
        login(attendee);
        QuestionView withReason = as(attendee, () -> saved(qa.ask(session, "What about parking?", false)));
        QuestionView without = as(attendee, () -> saved(qa.ask(session, "Off-topic question", false)));
        as(facilitator, () -> {
            moderation.dismiss(withReason.id(), "Parking is covered in the joining instructions.");
            moderation.dismiss(without.id(), null);
        });

        open();

        assertThat(panel().mine()).containsExactlyInAnyOrder(
                "What about parking?: Not shown: Parking is covered in the joining instructions.",
                "Off-topic question: A facilitator did not approve this question.");
        assertThat(listed()).isEmpty();
    }

    // ---- voting ----------------------------------------------------------------------------------------------

    @Test
    void the_up_vote_button_toggles_with_aria_pressed_and_the_count() {
        as(other, () -> saved(qa.ask(session, "Could sessions be recorded with captions for later?", false)));
        login(attendee);
        open();
        QuestionItem question = item("Could sessions be recorded with captions for later?");
        assertThat(question.voteButtonShown()).isTrue();
        assertThat(question.votePressed()).isEqualTo("false");
        assertThat(question.voteLabel()).isEqualTo("Up-vote: Could sessions be recorded with captions for later?, 0 votes");

        panel().questionList().pressVote(question);

        assertThat(question.votePressed()).isEqualTo("true");
        assertThat(question.voteCountText()).isEqualTo("1 vote");
        assertThat(question.voteLabel()).isEqualTo("Up-vote: Could sessions be recorded with captions for later?, 1 vote");
        assertThat(qa.board(session).myVotes()).containsExactly(question.questionId());

        panel().questionList().pressVote(question);

        assertThat(question.votePressed()).isEqualTo("false");
        assertThat(question.voteCountText()).isEqualTo("0 votes");
        assertThat(qa.board(session).myVotes()).isEmpty();
    }

    @Test
    void a_vote_cast_in_another_tab_shows_as_mine_here_too() {
        QuestionView asked = as(other, () -> saved(qa.ask(session, "Voted on elsewhere", false)));
        login(attendee);
        open();
        assertThat(item("Voted on elsewhere").votePressed()).isEqualTo("false");

        as(attendee, () -> qa.vote(asked.id(), true));

        eventually(() -> {
            assertThat(item("Voted on elsewhere").votePressed()).isEqualTo("true");
            assertThat(item("Voted on elsewhere").voteCountText()).isEqualTo("1 vote");
        });
    }

    @Test
    void a_person_cannot_vote_for_their_own_question_and_is_told_why() {
        login(attendee);
        open();
        ask("My own question");

        QuestionItem mine = item("My own question");
        assertThat(mine.voteButtonShown()).isFalse();
        assertThat(mine.voteNoteText()).isEqualTo("You asked this, so you cannot vote for it.");
        assertThat(mine.voteCountText()).isEqualTo("0 votes");
    }

    @Test
    void a_question_written_like_html_reaches_the_page_as_plain_text() {
        as(other, () -> saved(qa.ask(session, "<img src=x onerror=alert(1)> & \"quotes\" <b>bold</b>?", false)));
        open();

        QuestionItem item = panel().shownItems().getFirst();
        assertThat(item.bodyHtml()).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt;?")
                .doesNotContain("<img").doesNotContain("<b>");
        assertThat(item.question().text()).isEqualTo("<img src=x onerror=alert(1)> & \"quotes\" <b>bold</b>?");
    }

    @Test
    void a_visitor_gets_no_vote_button_at_all_so_a_big_audience_costs_less() {
        as(other, () -> saved(qa.ask(session, "Fewer elements please", false)));
        open();

        QuestionItem item = panel().shownItems().getFirst();
        assertThat(item.voteButtonShown()).isFalse();
        assertThat(item.whole().get("vote").get("show").asBoolean()).isFalse();
    }

    @Test
    void a_visitor_who_is_not_signed_in_sees_the_questions_and_a_log_in_link_instead_of_the_form() {
        as(other, () -> saved(qa.ask(session, "A public question", false)));
        open();

        assertThat(_get(Anchor.class, spec -> spec.withText("Log in to ask or vote")).getHref()).isEqualTo("login");
        assertThat(_find(TextArea.class, spec -> spec.withLabel("Your question"))).isEmpty();
        assertThat(listed()).containsExactly("A public question");
        assertThat(item("A public question").voteButtonShown()).isFalse();
        assertThat(panel().mine()).isEmpty();
    }

    @Test
    void a_visitors_page_holds_no_question_form_even_hidden_so_a_big_audience_costs_less() {
        open();

        // every component, hidden ones too
        assertThat(DepthFirstTreeIteratorKt.walk(panel())).noneMatch(c -> c instanceof TextArea);

        openAs(attendee);
        assertThat(questionField().isVisible()).isTrue();
    }

    @Test
    void a_visitors_page_leaves_no_browser_call_waiting_on_a_hidden_element_on_an_empty_or_busy_board() {
        open();
        MockVaadin.clientRoundtrip(false);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        // Vaadin re-checks every call held for a hidden element on every push to the page
        assertThat(UI.getCurrent().getInternals().containsPendingJavascript("")).isFalse();

        as(other, () -> saved(qa.ask(session, "A first question", false)));
        eventually(() -> assertThat(listed()).containsExactly("A first question"));
        MockVaadin.clientRoundtrip(false);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        assertThat(UI.getCurrent().getInternals().containsPendingJavascript("")).isFalse();
    }

    @Test
    void questions_sort_by_most_votes_or_newest_and_the_choice_is_read_from_the_address() {
        Instant start = Instant.now();
        clock.set(start);
        QuestionView oldest = as(data.user(), () -> saved(qa.ask(session, "Oldest, two votes", false)));
        clock.set(start.plusSeconds(60));
        QuestionView middle = as(data.user(), () -> saved(qa.ask(session, "Middle, no votes", false)));
        clock.set(start.plusSeconds(120));
        QuestionView newest = as(data.user(), () -> saved(qa.ask(session, "Newest, one vote", false)));
        as(data.user(), () -> qa.vote(oldest.id(), true));
        as(data.user(), () -> qa.vote(oldest.id(), true));
        as(data.user(), () -> qa.vote(newest.id(), true));
        login(attendee);

        open();
        assertThat(listed()).containsExactly("Oldest, two votes", "Newest, one vote", "Middle, no votes");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<QuestionSort> sort = _get(RadioButtonGroup.class, spec -> spec.withLabel("Sort questions by"));
        setAsUser(sort, QuestionSort.NEWEST);
        assertThat(listed()).containsExactly("Newest, one vote", "Middle, no votes", "Oldest, two votes");

        open("sort=newest");
        assertThat(listed()).containsExactly("Newest, one vote", "Middle, no votes", "Oldest, two votes");
        open("");
        assertThat(listed()).containsExactly("Oldest, two votes", "Newest, one vote", "Middle, no votes");
        assertThat(middle.votes()).isZero();
    }

    // ---- live updates ------------------------------------------------------------------------------------------

    @Test
    void an_approval_made_by_a_facilitator_elsewhere_reaches_the_open_page_and_is_announced() {
        as(facilitator, () -> moderation.updateSettings(session, true, true, true));
        login(attendee);
        open();
        ask("Is the venue step-free?");
        assertThat(panel().mine()).containsExactly("Is the venue step-free?: Waiting for approval");
        long id = as(attendee, () -> qa.board(session)).mine().getFirst().question().id();

        as(facilitator, () -> moderation.approve(id, null));

        eventually(() -> {
            assertThat(listed()).containsExactly("Is the venue step-free?");
            assertThat(panel().mine()).containsExactly("Is the venue step-free?: Everyone can see this question. 0 votes.");
            assertThat(panel().announcement()).isEqualTo("Your question was approved. Everyone can see it now.");
        });
    }

    @Test
    void a_dismissal_made_elsewhere_is_announced_with_its_reason() {
        login(attendee);
        open();
        ask("Can we talk about my neighbour?");
        long id = panel().shownItems().getFirst().questionId();

        as(facilitator, () -> moderation.dismiss(id, "Please keep questions about the session topic."));

        eventually(() -> {
            assertThat(listed()).isEmpty();
            assertThat(panel().mine()).containsExactly(
                    "Can we talk about my neighbour?: Not shown: Please keep questions about the session topic.");
            assertThat(panel().announcement())
                    .isEqualTo("Your question was not approved: Please keep questions about the session topic.");
        });
    }

    @Test
    void a_new_question_answers_and_replies_from_elsewhere_appear_live_and_are_announced_without_votes() {
        login(attendee);
        open();
        assertThat(panel().announcement()).isEmpty();

        QuestionView asked = as(other, () -> saved(qa.ask(session, "Who funds the co-production pilot?", false)));

        eventually(() -> {
            assertThat(listed()).containsExactly("Who funds the co-production pilot?");
            assertThat(panel().announcement()).isEqualTo("New question: Who funds the co-production pilot?");
        });

        // the next announcement waits out the quiet window, then says everything at once
        clock.set(Instant.now());
        as(facilitator, () -> {
            moderation.reply(asked.id(), "The council and two housing associations.");
            moderation.markAnswered(asked.id());
        });
        eventually(() -> assertThat(item("Who funds the co-production pilot?").badgeTexts()).containsExactly("Answered"));
        assertThat(item("Who funds the co-production pilot?").replyTexts()).singleElement().asString()
                .startsWith("Reply from " + facilitator.displayName()).endsWith(": The council and two housing associations.");
        clock.advance(Duration.ofSeconds(11));
        as(data.user(), () -> qa.vote(asked.id(), true));
        eventually(() -> assertThat(panel().announcement()).isEqualTo("Answered: Who funds the co-production pilot? "
                + facilitator.displayName() + " replied to “Who funds the co-production pilot?”: "
                + "The council and two housing associations."));
        eventually(() -> assertThat(item("Who funds the co-production pilot?").voteCountText()).isEqualTo("1 vote"));
        assertThat(panel().announcement()).doesNotContain("vote");
    }

    @Test
    void a_burst_of_new_questions_is_announced_as_one_summary() {
        login(attendee);
        open();

        // the page is pushed to before its queue next runs: all three must have reached this node by then, as
        // they would have in a browser's next round trip
        CountDownLatch reached = new CountDownLatch(3);
        try (QaLiveUpdates.Registration listening = live.subscribe(session, update -> update.publicEvents()
                .forEach(e -> reached.countDown()))) {
            as(data.user(), () -> saved(qa.ask(session, "First of a burst", false)));
            as(data.user(), () -> saved(qa.ask(session, "Second of a burst", false)));
            as(data.user(), () -> saved(qa.ask(session, "Third of a burst", false)));
            assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }

        eventually(() -> {
            assertThat(listed()).hasSize(3);
            assertThat(panel().announcement()).isEqualTo("3 new questions.");
        });
    }

    @Test
    void while_paused_the_list_stays_put_and_a_count_offers_the_new_updates() {
        QuestionView first = as(other, () -> saved(qa.ask(session, "Already here", false)));
        login(attendee);
        open();
        setAsUser(_get(Checkbox.class, spec -> spec.withLabel("Pause live updates")), true);

        as(data.user(), () -> saved(qa.ask(session, "Arrived while paused", false)));
        as(data.user(), () -> qa.vote(first.id(), true));

        eventually(() -> assertThat(panel().pendingUpdates()).isEqualTo("2 new updates."));
        assertThat(listed()).containsExactly("Already here");
        assertThat(item("Already here").voteCountText()).isEqualTo("0 votes");

        _click(_get(Button.class, spec -> spec.withText("Show new updates")));

        assertThat(listed()).containsExactly("Already here", "Arrived while paused");
        assertThat(item("Already here").voteCountText()).isEqualTo("1 vote");
        assertThat(panel().pendingUpdates()).isEmpty();
        assertThat(panel().announcement()).isEqualTo("New question: Arrived while paused");
    }

    @Test
    void facilitators_get_links_to_moderate_and_to_the_stage_view() {
        login(facilitator);
        open();

        assertThat(_get(Anchor.class, spec -> spec.withText("Moderate questions")).getHref())
                .isEqualTo("sessions/" + session + "/moderate");
        assertThat(_get(Anchor.class, spec -> spec.withText("Open the stage view (opens in a new tab)")).getHref())
                .isEqualTo("sessions/" + session + "/stage");

        openAs(attendee);
        assertThat(_find(Anchor.class, spec -> spec.withText("Moderate questions"))).isEmpty();
    }

    @Test
    void the_questions_section_sits_on_the_session_page() {
        open();
        assertThat(_get(SessionView.class).getElement().getTextRecursively()).contains("Questions", "Ask a question",
                "Questions from everyone");
    }
}
