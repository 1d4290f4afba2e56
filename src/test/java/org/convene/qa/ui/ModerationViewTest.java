package org.convene.qa.ui;

import static org.convene.qa.QaResults.saved;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ProgrammeService;
import org.convene.qa.MyQuestion;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaLimits;
import org.convene.qa.QaService;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ModerationViewTest extends KaribuTest {

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
    ConveneUser asker;
    ConveneUser other;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        asker = data.user();
        other = data.user();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void open() {
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(session)));
    }

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

    private void preModeration() {
        as(facilitator, () -> moderation.updateSettings(session, true, true, true));
    }

    private static ModerationView view() {
        return _get(ModerationView.class);
    }

    private static List<String> texts(Function<ModerationView, com.vaadin.flow.component.html.OrderedList> list) {
        return view().items(list).stream().map(i -> i.question().text()).toList();
    }

    private static ModerationItem item(String text) {
        return _find(ModerationItem.class).stream().filter(i -> i.question().text().equals(text)).findFirst().orElseThrow();
    }

    private static void press(String questionText, ModerationItem.Action action) {
        _click(item(questionText).button(action));
    }

    private static void click(String buttonText) {
        _click(_get(Button.class, spec -> spec.withText(buttonText)));
    }

    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertion.run();
        });
    }

    private MyQuestion askersView(long questionId) {
        return as(asker, () -> qa.board(session)).mine().stream()
                .filter(m -> m.question().id() == questionId).findFirst().orElseThrow();
    }

    // ---- who may moderate ----------------------------------------------------------------------------------

    @Test
    void an_attendee_is_refused_and_sees_no_questions() {
        preModeration();
        as(asker, () -> saved(qa.ask(session, "A secret waiting question", false)));
        login(other);

        open();

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot moderate this session");
        assertThat(view().getElement().getTextRecursively())
                .contains("Only this session's facilitators and organisers can moderate its questions.")
                .doesNotContain("A secret waiting question");
        assertThat(_find(ModerationItem.class)).isEmpty();
        assertThat(_find(Checkbox.class)).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withText("Download all questions (CSV)"))).isEmpty();
    }

    @Test
    void a_facilitator_of_another_session_is_refused() {
        ConveneUser elsewhere = data.user(Role.FACILITATOR);
        data.facilitate(data.liveSession(), elsewhere);
        login(elsewhere);

        open();

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot moderate this session");
        assertThat(view().getPageTitle()).isEqualTo("You cannot moderate this session");
    }

    @Test
    void an_unknown_or_malformed_session_is_page_not_found_with_a_404() {
        login(data.user(Role.ORGANISER));
        assertThat(openAddress("sessions/999999999/moderate")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("sessions/first/moderate")).isEqualTo(404);
        assertThat(_find(ModerationView.class)).isEmpty();
    }

    @Test
    void someone_not_signed_in_cannot_open_it() {
        try {
            open();
        } catch (MockAccessDeniedException expected) {
            return;
        }
        assertThat(_find(ModerationView.class)).isEmpty();
    }

    @Test
    void an_organiser_may_moderate_any_session() {
        login(data.user(Role.ORGANISER));
        open();
        assertThat(_get(H1.class).getText()).startsWith("Moderate questions: ");
    }

    // ---- the queue ----------------------------------------------------------------------------------------

    @Test
    void a_facilitator_sees_the_waiting_questions_oldest_first_with_counts() {
        preModeration();
        Instant start = Instant.now();
        clock.set(start);
        as(asker, () -> saved(qa.ask(session, "First to wait", false)));
        clock.set(start.plusSeconds(30));
        as(other, () -> saved(qa.ask(session, "Second to wait, anonymously", true)));
        login(facilitator);

        open();

        String title = programme.session(session).orElseThrow().title();
        assertThat(_get(H1.class).getText()).isEqualTo("Moderate questions: " + title);
        assertThat(view().getPageTitle()).isEqualTo("Moderate questions: " + title);
        assertThat(texts(ModerationView::queue)).containsExactly("First to wait", "Second to wait, anonymously");
        assertThat(item("First to wait").getElement().getTextRecursively()).contains(asker.displayName() + ", asked at ");
        assertThat(item("Second to wait, anonymously").getElement().getTextRecursively()).contains("Anonymous, asked at ")
                .doesNotContain(other.displayName());
        assertThat(view().getElement().getTextRecursively()).contains("Waiting for approval (2)",
                "Waiting for approval: 2", "Approved: 0", "Answered: 0", "Not shown: 0", "Merged: 0");
        assertThat(item("First to wait").button(ModerationItem.Action.APPROVE).getAriaLabel())
                .hasValue("Approve: First to wait");
    }

    @Test
    void approving_moves_a_question_to_the_public_list_and_says_so() {
        preModeration();
        QuestionView q = as(asker, () -> saved(qa.ask(session, "Please approve me", false)));
        login(facilitator);
        open();

        press("Please approve me", ModerationItem.Action.APPROVE);

        assertThat(texts(ModerationView::queue)).isEmpty();
        assertThat(texts(ModerationView::publicList)).containsExactly("Please approve me");
        assertThat(view().status()).isEqualTo("Approved: Please approve me.");
        assertThat(view().getElement().getTextRecursively()).contains("No questions are waiting for approval.");
        assertThat(askersView(q.id()).question().state()).isEqualTo(QuestionState.APPROVED);
    }

    @Test
    void edit_then_approve_publishes_the_edited_words_and_refuses_an_empty_edit_in_the_dialog() {
        preModeration();
        as(asker, () -> saved(qa.ask(session, "is ther easy read", false)));
        login(facilitator);
        open();

        press("is ther easy read", ModerationItem.Action.EDIT_AND_APPROVE);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Edit then approve");
        TextArea text = _get(dialog, TextArea.class, spec -> spec.withLabel("Question"));
        assertThat(text.getValue()).isEqualTo("is ther easy read");

        setAsUser(text, "  ");
        click("Save and approve");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Your question is empty. Type something first.");
        assertThat(_find(Dialog.class)).hasSize(1);

        setAsUser(text, "Is there an easy-read version?");
        click("Save and approve");

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(texts(ModerationView::publicList)).containsExactly("Is there an easy-read version?");
        assertThat(view().status()).isEqualTo("Edited and approved: Is there an easy-read version?.");
    }

    @Test
    void dismissing_with_a_reason_tells_the_asker_and_nobody_else() {
        preModeration();
        QuestionView q = as(asker, () -> saved(qa.ask(session, "Off topic", false)));
        login(facilitator);
        open();

        press("Off topic", ModerationItem.Action.DISMISS);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Dismiss this question");
        setAsUser(_get(dialog, TextArea.class, spec -> spec.withLabel("Reason (optional)")), "Covered tomorrow.");
        click("Dismiss question");

        assertThat(texts(ModerationView::queue)).isEmpty();
        assertThat(texts(ModerationView::handledList)).containsExactly("Off topic");
        assertThat(item("Off topic").getElement().getTextRecursively())
                .contains("Dismissed. Reason given to the asker: Covered tomorrow.");
        assertThat(askersView(q.id()).question().dismissReason()).isEqualTo("Covered tomorrow.");
        assertThat(as(other, () -> qa.board(session)).questions()).isEmpty();
        // a dismissed question can be approved after all
        assertThat(item("Off topic").button(ModerationItem.Action.APPROVE).isVisible()).isTrue();
    }

    // ---- public questions --------------------------------------------------------------------------------

    @Test
    void a_public_question_can_be_put_on_stage_taken_off_and_marked_answered() {
        as(asker, () -> saved(qa.ask(session, "What happens next?", false)));
        login(facilitator);
        open();
        Button stage = item("What happens next?").button(ModerationItem.Action.STAGE);
        assertThat(stage.getText()).isEqualTo("Put on stage");

        _click(stage);
        assertThat(item("What happens next?").getElement().getTextRecursively()).contains("On stage");
        assertThat(stage.getText()).as("the same button, so focus stays on it").isEqualTo("Take off stage");
        assertThat(as(other, () -> qa.board(session)).questions().getFirst().pinned()).isTrue();

        _click(stage);
        assertThat(stage.getText()).isEqualTo("Put on stage");
        assertThat(as(other, () -> qa.board(session)).questions().getFirst().pinned()).isFalse();

        press("What happens next?", ModerationItem.Action.ANSWER);
        assertThat(item("What happens next?").getElement().getTextRecursively()).contains("Answered");
        assertThat(item("What happens next?").button(ModerationItem.Action.ANSWER).isVisible()).isFalse();
        assertThat(view().status()).isEqualTo("Marked answered: What happens next?.");
        assertThat(view().getElement().getTextRecursively()).contains("Answered: 1");
    }

    @Test
    void a_reply_appears_under_the_question_for_everyone() {
        as(asker, () -> saved(qa.ask(session, "Are the slides shared?", false)));
        login(facilitator);
        open();

        press("Are the slides shared?", ModerationItem.Action.REPLY);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Reply to this question");
        setAsUser(_get(dialog, TextArea.class, spec -> spec.withLabel("Your reply")), "Yes, by email after the session.");
        click("Send reply");

        assertThat(item("Are the slides shared?").getElement().getTextRecursively())
                .contains("Reply from " + facilitator.displayName()).contains(": Yes, by email after the session.");
        assertThat(as(other, () -> qa.board(session)).questions().getFirst().replies()).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("Yes, by email after the session."));
    }

    @Test
    void merging_moves_the_votes_to_the_chosen_question() {
        QuestionView duplicate = as(asker, () -> saved(qa.ask(session, "When do we get the slides?", false)));
        QuestionView target = as(other, () -> saved(qa.ask(session, "Will the slides be shared?", false)));
        ConveneUser voterA = data.user();
        ConveneUser voterB = data.user();
        as(voterA, () -> { qa.vote(duplicate.id(), true); return null; });
        as(voterB, () -> { qa.vote(duplicate.id(), true); return null; });
        as(voterB, () -> { qa.vote(target.id(), true); return null; });
        login(facilitator);
        open();

        press("When do we get the slides?", ModerationItem.Action.MERGE);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Merge into another question");
        @SuppressWarnings("unchecked")
        Select<QuestionView> into = _get(dialog, Select.class, spec -> spec.withLabel("Merge into"));
        assertThat(into.getListDataView().getItems().map(ModerationLists::mergeLabel).toList())
                .containsExactly("Will the slides be shared? (1 vote)");

        click("Merge");
        assertThat(into.isInvalid()).as("nothing chosen yet").isTrue();
        assertThat(into.getErrorMessage()).isEqualTo("Choose the question to merge into.");

        setAsUser(into, into.getListDataView().getItems().findFirst().orElseThrow());
        click("Merge");

        assertThat(texts(ModerationView::publicList)).containsExactly("Will the slides be shared?");
        assertThat(item("Will the slides be shared?").question().votes()).as("voter B counts once").isEqualTo(2);
        assertThat(texts(ModerationView::handledList)).containsExactly("When do we get the slides?");
        assertThat(item("When do we get the slides?").getElement().getTextRecursively())
                .contains("Merged into: Will the slides be shared?");
        assertThat(askersView(duplicate.id()).question().state()).isEqualTo(QuestionState.MERGED);
    }

    // ---- settings, sent-in questions, links -----------------------------------------------------------------

    @Test
    void the_settings_switches_save_on_change_and_confirm() {
        login(facilitator);
        open();
        Checkbox open = _get(Checkbox.class, spec -> spec.withLabel("Take questions"));
        Checkbox checkFirst = _get(Checkbox.class, spec -> spec.withLabel("Check questions before everyone sees them"));
        Checkbox anonymous = _get(Checkbox.class, spec -> spec.withLabel("Allow anonymous questions"));
        assertThat(open.getValue()).isTrue();
        assertThat(checkFirst.getValue()).isFalse();
        assertThat(anonymous.getValue()).isTrue();

        setAsUser(open, false);
        assertThat(view().settingsStatus()).isEqualTo("Saved. Questions are closed.");
        assertThat(qa.settings(session).open()).isFalse();

        setAsUser(checkFirst, true);
        assertThat(view().settingsStatus()).isEqualTo("Saved. Pre-moderation is on: new questions wait for approval.");
        setAsUser(anonymous, false);
        assertThat(view().settingsStatus()).isEqualTo("Saved. Anonymous questions are not allowed.");

        var saved = qa.settings(session);
        assertThat(saved.open()).isFalse();
        assertThat(saved.preModeration()).isTrue();
        assertThat(saved.anonymousAllowed()).isFalse();
    }

    @Test
    void a_long_list_shows_its_first_fifty_and_show_more_adds_the_rest_with_focus_on_the_first_new_one() {
        int count = ModerationSection.PAGE_SIZE + 1;
        for (int i = 1; i <= count; i++) {
            String text = "Sent in number " + i;
            as(facilitator, () -> saved(moderation.askOnBehalf(session, text, null)));
        }
        login(facilitator);
        open();
        ModerationSection publicSection = _find(ModerationSection.class).stream()
                .filter(section -> section.list() == view().publicList()).findFirst().orElseThrow();

        assertThat(texts(ModerationView::publicList)).hasSize(ModerationSection.PAGE_SIZE);
        assertThat(publicSection.getElement().getTextRecursively()).contains("Public questions (" + count + ")");
        Paragraph showing = _get(publicSection, Paragraph.class, spec -> spec.withText(
                "Showing the first " + ModerationSection.PAGE_SIZE + " of " + count + "."));
        assertThat(showing.isVisible()).isTrue();
        Button more = _get(publicSection, Button.class, spec -> spec.withText("Show 1 more question"));

        _click(more);

        assertThat(texts(ModerationView::publicList)).hasSize(count);
        assertThat(more.isVisible()).isFalse();
        assertThat(showing.isVisible()).isFalse();
        QuestionView last = view().items(ModerationView::publicList).getLast().question();
        assertThat(publicSection.focusedAfterShowMore()).as("focus on the first question shown by the press")
                .isEqualTo(last.id());

        as(facilitator, () -> saved(moderation.askOnBehalf(session, "One more after that", null)));
        eventually(() -> assertThat(texts(ModerationView::publicList)).as("the raised limit stays")
                .hasSize(count + 1));
    }

    @Test
    void a_question_sent_in_by_phone_or_email_is_added_with_who_sent_it() {
        login(facilitator);
        open();
        TextArea text = _get(TextArea.class, spec -> spec.withLabel("Question"));
        TextField from = _get(TextField.class, spec -> spec.withLabel("From (optional)"));

        click("Add question");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Your question is empty. Type something first.");
        assertThat(view().getElement().getTextRecursively()).contains("There is a problem");

        setAsUser(from, "n".repeat(QaLimits.ON_BEHALF_OF_MAX_LENGTH + 1));
        click("Add question");
        assertThat(text.isInvalid()).as("each field keeps its own message").isTrue();
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).startsWith("The name is " + (QaLimits.ON_BEHALF_OF_MAX_LENGTH + 1)
                + " characters long.");

        setAsUser(text, "Can I join by phone?");
        setAsUser(from, "Mrs Patel");
        click("Add question");

        assertThat(text.getValue()).isEmpty();
        assertThat(text.isInvalid()).isFalse();
        assertThat(texts(ModerationView::publicList)).containsExactly("Can I join by phone?");
        assertThat(item("Can I join by phone?").getElement().getTextRecursively()).contains("Sent in by Mrs Patel, asked at ");

        setAsUser(text, "And without a name?");
        click("Add question");
        assertThat(item("And without a name?").getElement().getTextRecursively()).contains("Sent in by phone or email, asked at ");
    }

    @Test
    void the_stage_link_and_the_csv_download_are_offered_and_the_download_is_the_export() throws Exception {
        as(asker, () -> saved(qa.ask(session, "In the export, with a comma", true)));
        login(facilitator);
        open();

        assertThat(_get(Anchor.class, spec -> spec.withText("Open the stage view (opens in a new tab)")).getHref())
                .isEqualTo("sessions/" + session + "/stage");
        Anchor csv = _get(Anchor.class, spec -> spec.withText("Download all questions (CSV)"));
        assertThat(csv.getHref()).isNotBlank();
        assertThat(csv.getElement().hasAttribute("download")).isTrue();

        // what the browser would get from that link
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        var resource = vaadinSession.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(csv.getHref()))
                .orElseThrow();
        DownloadHandler handler = (DownloadHandler) resource.getElementRequestHandler();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(body);
        handler.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), response, vaadinSession, csv.getElement()));

        String text = body.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFId,Asked at (UTC),State,Question,Author");
        assertThat(text).contains(",APPROVED,\"In the export, with a comma\",,");
        verify(response).setContentType("text/csv;charset=UTF-8");

        // the link outlives a role: the download checks again
        VaadinResponse refused = mock(VaadinResponse.class);
        as(other, () -> {
            try {
                handler.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), refused, vaadinSession, csv.getElement()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        verify(refused).setStatus(403);
        verify(refused, org.mockito.Mockito.never()).getOutputStream();
    }

    // ---- live --------------------------------------------------------------------------------------------

    @Test
    void a_question_asked_elsewhere_joins_the_queue_live_and_is_announced() {
        preModeration();
        login(facilitator);
        open();
        assertThat(texts(ModerationView::queue)).isEmpty();

        as(asker, () -> saved(qa.ask(session, "Arrived while you watched", false)));

        eventually(() -> {
            assertThat(texts(ModerationView::queue)).containsExactly("Arrived while you watched");
            assertThat(view().announcement()).isEqualTo("New question waiting for approval: Arrived while you watched");
            assertThat(view().getElement().getTextRecursively()).contains("Waiting for approval (1)");
        });
    }

    @Test
    void a_decision_by_another_facilitator_shows_up_live() {
        preModeration();
        QuestionView q = as(asker, () -> saved(qa.ask(session, "Handled by a colleague", false)));
        ConveneUser colleague = data.user(Role.FACILITATOR);
        data.facilitate(session, colleague);
        login(facilitator);
        open();

        as(colleague, () -> { moderation.approve(q.id(), null); return null; });

        eventually(() -> assertThat(texts(ModerationView::publicList)).containsExactly("Handled by a colleague"));
        assertThat(texts(ModerationView::queue)).isEmpty();
    }

    @Test
    void a_vote_while_the_page_is_open_changes_only_that_questions_vote_line() {
        QuestionView voted = as(asker, () -> saved(qa.ask(session, "Voted on while you watched", false)));
        as(asker, () -> saved(qa.ask(session, "Left as it was", false)));
        login(facilitator);
        open();
        Set<Integer> untouched = SentToBrowser.nodeIds(item("Left as it was").getElement());
        Set<Integer> votedButtons = SentToBrowser.nodeIds(item(voted.text()).button(ModerationItem.Action.STAGE).getElement());
        SentToBrowser.changedNodes();

        as(other, () -> { qa.vote(voted.id(), true); return null; });

        // the facilitator's page refreshes for every few votes in a busy room: it must not send the whole list again
        eventually(() -> assertThat(item(voted.text()).getElement().getTextRecursively()).contains("1 vote"));
        Set<Integer> changed = SentToBrowser.changedNodes();
        assertThat(changed).isNotEmpty().doesNotContainAnyElementsOf(untouched).doesNotContainAnyElementsOf(votedButtons);
    }
}
