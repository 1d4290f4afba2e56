package org.convene.qa.ui;

import static org.convene.qa.QaResults.saved;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.qa.QaBoard;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The session page's list of everyone's questions in a big session: a page shows only part of them, and the
 * reader asks for more. Each question a page shows costs the server memory for as long as the page is open.
 */
class QuestionListTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    QaService qa;

    long session;
    ConveneUser attendee;
    Instant start;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        attendee = data.user();
        start = Instant.now();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void open(String query) {
        UI.getCurrent().navigate("sessions/" + session, QueryParameters.fromString(query));
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

    /** Questions "Question 1" to "Question n", each by someone else, a second apart, oldest first. */
    private List<QuestionView> askMany(int n) {
        List<QuestionView> asked = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            clock.set(start.plusSeconds(i));
            String text = "Question " + i;
            asked.add(as(data.user(), () -> saved(qa.ask(session, text, false))));
        }
        return asked;
    }

    private static QaPanel panel() {
        return _get(QaPanel.class);
    }

    private static List<String> listed() {
        return panel().shownItems().stream().map(i -> i.question().text()).toList();
    }

    private static List<String> questions(int from, int to) {
        return IntStream.iterate(from, i -> from <= to ? i <= to : i >= to, i -> from <= to ? i + 1 : i - 1)
                .mapToObj(i -> "Question " + i).toList();
    }

    private static Button showMore() {
        Button button = panel().questionList().showMoreButton();
        assertThat(button).as("Show more is offered").isNotNull();
        return button;
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertion.run();
        });
    }

    /** The question-list changes sent to the browser from now on, oldest first. */
    private static List<ObjectNode> sentChanges() {
        List<ObjectNode> sent = new ArrayList<>();
        panel().questionList().watchChanges(sent::add);
        return sent;
    }

    /** The session's questions in the default order, as the shared board gives them to every page. */
    private static void renderShared(QuestionList list, QaBoard board) {
        list.render(board, board.questions().stream().sorted(QuestionSort.VOTES.order).toList(), QuestionSort.VOTES,
                ZoneId.of("Europe/London"), true);
    }

    /** A list as another page would have it: "Show more" renders it again from the board read then. */
    private QuestionList detachedList(SharedLists shared) {
        QuestionList[] list = new QuestionList[1];
        list[0] = new QuestionList(new Div(), QuestionItem::bodyHtml, shared,
                () -> renderShared(list[0], qa.board(session)));
        return list[0];
    }

    // ---- tests -----------------------------------------------------------------------------------------------

    @Test
    void a_browser_that_lost_track_of_the_list_is_sent_all_of_it_again() {
        List<QuestionView> asked = askMany(3);
        open("sort=newest");
        List<ObjectNode> sent = sentChanges();

        _fireDomEvent(panel().questionList().questionsElement(), "cv-questions-resend");

        assertThat(sent).hasSize(1);
        ObjectNode whole = sent.getFirst();
        assertThat(whole.get("full").asBoolean()).isTrue();
        assertThat(whole.get("order").values()).extracting(id -> id.asLong())
                .containsExactly(asked.get(2).id(), asked.get(1).id(), asked.get(0).id());
        assertThat(whole.get("items").values()).extracting(item -> item.get("html").asString())
                .allMatch(html -> html.contains("class=\"cv-question-text\">Question "));
    }

    @Test
    void each_change_names_the_one_it_follows_so_the_browser_can_tell_one_went_missing() {
        askMany(2);
        open("");
        List<ObjectNode> sent = sentChanges();

        askMany(1);
        eventually(() -> assertThat(listed()).hasSize(3));
        long first = panel().shownItems().getFirst().questionId();
        as(data.user(), () -> {
            qa.vote(first, true);
            return first;
        });
        eventually(() -> assertThat(sent).hasSizeGreaterThanOrEqualTo(2));

        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).get("base").asInt()).isEqualTo(sent.get(i - 1).get("seq").asInt());
        }
        assertThat(sent.getLast().get("items").values()).extracting(item -> item.propertyNames().stream().toList())
                .containsExactly(List.of("id", "count"));
    }

    @Test
    void a_new_question_sends_the_count_line_again_and_not_the_other_lines() {
        askMany(60);
        open("sort=newest");
        Set<Integer> moreNodes = SentToBrowser.nodeIds(showMore().getElement());
        SentToBrowser.changedNodes();

        askMany(1);
        eventually(() -> assertThat(panel().questionList().countText()).isEqualTo("Showing 20 of 61 questions."));

        // every open page gets what changed on it: words set again, even the same words, are sent to all of them
        assertThat(showMore().getText()).isEqualTo("Show 20 more questions");
        assertThat(SentToBrowser.changedNodes()).doesNotContainAnyElementsOf(moreNodes).isNotEmpty();
    }

    @Test
    void signed_out_pages_showing_the_first_questions_share_one_list_state_and_are_sent_the_same_change() {
        askMany(30);
        SharedLists shared = new SharedLists();
        QuestionList first = detachedList(shared);
        QuestionList second = detachedList(shared);
        List<ObjectNode> toFirst = new ArrayList<>();
        List<ObjectNode> toSecond = new ArrayList<>();
        first.watchChanges(toFirst::add);
        second.watchChanges(toSecond::add);

        QaBoard board = qa.board(session);
        renderShared(first, board);
        renderShared(second, board);
        long top = first.shownItems().getFirst().questionId();
        as(data.user(), () -> {
            qa.vote(top, true);
            return top;
        });
        QaBoard voted = qa.board(session);
        renderShared(first, voted);
        renderShared(second, voted);

        assertThat(first.sharesState()).isTrue();
        assertThat(second.shownItems()).isEqualTo(first.shownItems());
        assertThat(toSecond).isEqualTo(toFirst);
        assertThat(toFirst.getLast().get("items").values()).extracting(item -> item.get("count").asString())
                .containsExactly("1 vote");
    }

    @Test
    void a_page_that_shows_more_keeps_its_own_list_and_leaves_the_shared_one_as_it_was() {
        askMany(30);
        SharedLists shared = new SharedLists();
        QuestionList mine = detachedList(shared);
        QuestionList other = detachedList(shared);
        QaBoard board = qa.board(session);
        renderShared(mine, board);
        renderShared(other, board);
        List<QuestionItem> before = other.shownItems();
        List<String> countsBefore = before.stream().map(QuestionItem::voteCountText).toList();

        Objects.requireNonNull(mine.showMoreButton()).click();
        long top = mine.shownItems().getFirst().questionId();
        as(data.user(), () -> {
            qa.vote(top, true);
            return top;
        });
        renderShared(mine, qa.board(session));

        assertThat(mine.sharesState()).isFalse();
        assertThat(mine.shownItems()).hasSize(30);
        assertThat(mine.shownItems().getFirst().voteCountText()).isEqualTo("1 vote");
        assertThat(other.shownItems()).isEqualTo(before);
        assertThat(other.shownItems().stream().map(QuestionItem::voteCountText).toList()).isEqualTo(countsBefore);
    }

    @Test
    void a_vote_from_the_browser_counts_only_for_a_question_the_page_shows_to_someone_who_may_vote() {
        List<QuestionView> asked = askMany(2);
        login(attendee);
        open("");
        ObjectNode vote = JsonNodeFactory.instance.objectNode().put("event.detail.id", asked.getFirst().id())
                .put("event.detail.up", true);
        ObjectNode unknown = JsonNodeFactory.instance.objectNode().put("event.detail.id", 999_999L)
                .put("event.detail.up", true);

        _fireDomEvent(panel().questionList().questionsElement(), "cv-vote", unknown);
        _fireDomEvent(panel().questionList().questionsElement(), "cv-vote", vote);

        assertThat(qa.board(session).myVotes()).containsExactly(asked.getFirst().id());
    }

    @Test
    void of_60_questions_sorted_by_newest_only_the_newest_20_are_rendered_and_the_status_line_says_so() {
        askMany(60);
        open("sort=newest");

        assertThat(listed()).isEqualTo(questions(60, 41));
        assertThat(panel().questionList().countText()).isEqualTo("Showing 20 of 60 questions.");
        assertThat(showMore().getText()).isEqualTo("Show 20 more questions");
    }

    @Test
    void sorted_by_votes_the_top_20_are_followed_by_the_5_just_asked() {
        askMany(60);
        open("");

        assertThat(listed()).isEqualTo(concat(questions(1, 20), questions(60, 56)));
        assertThat(panel().shownItems().get(20).badgeTexts()).containsExactly("Just asked");
        assertThat(panel().shownItems().get(19).badgeTexts()).isEmpty();
        assertThat(panel().questionList().countText())
                .isEqualTo("Showing 25 of 60 questions: the 20 with the most votes, then the 5 newest.");
    }

    @Test
    void show_more_renders_20_more_and_moves_focus_to_the_first_new_one() {
        askMany(60);
        open("sort=newest");
        assertThat(panel().questionList().focusedQuestion()).isZero();

        _click(showMore());

        assertThat(listed()).isEqualTo(questions(60, 21));
        QuestionItem firstNew = panel().shownItems().get(20);
        assertThat(firstNew.question().text()).isEqualTo("Question 40");
        assertThat(panel().questionList().focusedQuestion()).isEqualTo(firstNew.questionId());
        assertThat(panel().questionList().countText()).isEqualTo("Showing 40 of 60 questions.");

        _click(showMore());
        assertThat(listed()).hasSize(60);
        assertThat(panel().questionList().countText()).isEqualTo("60 questions.");
        assertThat(panel().questionList().showMoreButton()).isNull();
    }

    @Test
    void the_status_line_counts_questions_as_they_arrive() {
        askMany(25);
        open("sort=newest");
        assertThat(panel().questionList().countText()).isEqualTo("Showing 20 of 25 questions.");

        clock.set(start.plusSeconds(100));
        as(data.user(), () -> saved(qa.ask(session, "Arrived while reading", false)));

        eventually(() -> {
            assertThat(panel().questionList().countText()).isEqualTo("Showing 20 of 26 questions.");
            assertThat(listed()).hasSize(20).first().isEqualTo("Arrived while reading");
            assertThat(panel().announcement()).isEqualTo("New question: Arrived while reading");
        });
    }

    @Test
    void my_own_question_stays_under_your_questions_when_the_list_does_not_show_it() {
        login(attendee);
        clock.set(start);
        as(attendee, () -> saved(qa.ask(session, "My early question", false)));
        askMany(30);

        open("sort=newest");

        assertThat(listed()).hasSize(20).doesNotContain("My early question");
        assertThat(panel().mine()).containsExactly("My early question: Everyone can see this question. 0 votes.");
    }

    @Test
    void a_question_voted_into_the_top_20_appears_and_the_one_it_pushes_out_leaves() {
        List<QuestionView> asked = askMany(30);
        open("");
        // the top 20 are the oldest (no votes yet); 26 to 30 are just asked; 21 to 25 are not shown
        assertThat(listed()).contains("Question 20").doesNotContain("Question 22");

        as(data.user(), () -> {
            qa.vote(asked.get(21).id(), true);
            return null;
        });

        eventually(() -> assertThat(listed()).startsWith("Question 22").doesNotContain("Question 20")
                .contains("Question 19", "Question 30").hasSize(25));
        assertThat(panel().questionList().countText())
                .isEqualTo("Showing 25 of 30 questions: the 20 with the most votes, then the 5 newest.");
    }

    @Test
    void a_page_shows_at_most_200_questions_and_then_says_how_to_find_the_others() {
        askMany(QuestionWindow.MOST_SHOWN + 5);
        open("sort=newest");

        for (int presses = 0; presses < 9; presses++) {
            _click(showMore());
        }

        assertThat(listed()).hasSize(200).first().isEqualTo("Question 205");
        assertThat(panel().questionList().showMoreButton()).isNull();
        assertThat(panel().questionList().countText()).isEqualTo("Showing 200 of 205 questions.");
        assertThat(panel().questionList().atMostText()).isEqualTo(
                "This list shows at most 200 questions. To see the ones with the most votes, sort by most votes.");
    }

    @Test
    void new_questions_the_list_does_not_show_are_counted_with_what_to_do_to_see_them() {
        askMany(30);
        open("");
        // (Karibu's _setValue breaks on Vaadin 25.2: set it as the person's tick would)
        _get(Checkbox.class, spec -> spec.withLabel("Pause live updates")).setValue(true);
        for (int i = 1; i <= 7; i++) {
            clock.set(start.plusSeconds(100 + i));
            String text = "Late question " + i;
            as(data.user(), () -> saved(qa.ask(session, text, false)));
        }
        eventually(() -> assertThat(panel().pendingUpdates()).isEqualTo("7 new updates."));

        _click(_get(Button.class, spec -> spec.withText("Show new updates")));

        assertThat(listed()).contains("Late question 7", "Late question 3").doesNotContain("Late question 2");
        assertThat(panel().announcement())
                .isEqualTo("7 new questions; 2 are not in the list shown: sort by newest to see them.");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
