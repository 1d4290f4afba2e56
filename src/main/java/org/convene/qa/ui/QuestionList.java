package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.qa.QaBoard;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Questions from everyone" on the session page: the part of the session's questions this page shows (see
 * {@link QuestionWindow}), a line saying how many that is, "Show 20 more questions", and what to do when the page
 * shows all it can. Items keep their components across updates ({@link KeyedList}); one that leaves the part
 * shown while it has focus hands focus to the list's heading.
 * <p>
 * A component: votes are raised to the panel, which calls the service.
 */
final class QuestionList extends Div {

    private final Paragraph count = new Paragraph();
    private final OrderedList list = new OrderedList();
    private final Button showMore = new Button();
    private final Paragraph atMost = new Paragraph();
    private final Paragraph emptyList = new Paragraph();
    private final KeyedList<QuestionView, QuestionItem> items;
    private final ComponentEventListener<QuestionItem.VoteEvent> onVote;
    /** Renders the panel's list again ("Show more" raised the limit): the panel knows the board and its order. */
    private final Runnable renderAgain;

    private int limit = QuestionWindow.PAGE_SIZE;
    private QuestionSort sort = QuestionSort.VOTES;
    private ZoneId zone = ZoneId.of("UTC");
    /** The board last rendered, for a vote's item: the shared list (or it with my vote), never a copy. */
    private @Nullable QaBoard board;
    private QuestionWindow window = new QuestionWindow(List.of(), List.of(), 0);
    /** Only while rendering: what each item needs to know about the reader. */
    private Set<Long> mine = Set.of();
    private Set<Long> justAsked = Set.of();
    /** The question "Show more" last moved focus to, for tests (the browser does the moving). */
    private long focused;

    QuestionList(Component heading, ComponentEventListener<QuestionItem.VoteEvent> onVote, Runnable renderAgain) {
        this.onVote = onVote;
        this.renderAgain = renderAgain;
        this.items = new KeyedList<>(list, QuestionView::id, q -> newItem(), this::updateItem);
        heading.getElement().setAttribute("tabindex", "-1");
        items.setFocusFallback(heading);

        count.addClassName("cv-qa-count");
        list.addClassName("cv-questions");
        showMore.addClassName("cv-qa-more");
        showMore.addClickListener(e -> showMore());
        atMost.addClassName("cv-muted");
        emptyList.addClassName("cv-muted");
        add(count, list, showMore, atMost, emptyList);
        showMore.setVisible(false);
        atMost.setVisible(false);
    }

    /** Back to the first page of questions: a new session was opened. */
    void reset() {
        limit = QuestionWindow.PAGE_SIZE;
        board = null;
    }

    /**
     * Shows the part of the board this page shows.
     *
     * @param ordered the board's questions in the given order (the shared board sorts once for every page)
     */
    void render(QaBoard board, List<QuestionView> ordered, QuestionSort sort, ZoneId zone) {
        this.board = board;
        this.sort = sort;
        this.zone = zone;
        window = QuestionWindow.of(ordered, board.questions(), limit, sort);
        mine = BoardChanges.mineIds(board);
        justAsked = window.justAsked().isEmpty() ? Set.of() : Set.copyOf(window.justAsked().stream().map(QuestionView::id).toList());
        items.show(window.shown());
        mine = Set.of();

        boolean empty = window.total() == 0;
        // an update that changes nothing here must cost nothing: most pushes only change a vote count
        visible(list, !empty);
        text(count, empty ? "" : window.status());
        visible(count, !empty);
        int step = window.nextStep(limit);
        String more = step == 1 ? "Show 1 more question" : "Show " + step + " more questions";
        if (!more.equals(showMore.getText())) {
            showMore.setText(more);
        }
        visible(showMore, step > 0);
        text(atMost, "This list shows at most " + QuestionWindow.MOST_SHOWN + " questions. "
                + (sort == QuestionSort.VOTES ? "To see the newest ones, sort by newest."
                : "To see the ones with the most votes, sort by most votes."));
        visible(atMost, window.atMost(limit));
        text(emptyList, board.signedIn() && !board.sessionOver() && board.settings().open()
                ? "No questions yet. Yours could be the first." : "No questions yet.");
        visible(emptyList, empty);
    }

    private static void text(Paragraph paragraph, String text) {
        if (!text.equals(paragraph.getText())) {
            paragraph.setText(text);
        }
    }

    private static void visible(Component component, boolean visible) {
        if (component.isVisible() != visible) {
            component.setVisible(visible);
        }
    }

    /** The ids this page shows, for announcing only what the reader can find. */
    Set<Long> shownIds() {
        return window.shownIds();
    }

    /** What to do to see a new question this page does not show, for the announcement. */
    String notShownHint() {
        return sort == QuestionSort.VOTES ? "sort by newest" : "use the “Show more” button";
    }

    /** Shows the reader's own vote on its item at once, from the board with the vote counted. */
    void showVote(QuestionItem item, QaBoard voted) {
        board = voted;
        mine = BoardChanges.mineIds(voted);
        voted.questions().stream().filter(q -> q.id() == item.questionId()).findFirst()
                .ifPresent(q -> updateItem(item, q));
        mine = Set.of();
    }

    private void showMore() {
        Set<Long> before = window.shownIds();
        limit = QuestionWindow.raised(limit);
        renderAgain.run();
        // keyboard and screen reader users carry on reading where the new questions start
        window.top().stream().filter(q -> !before.contains(q.id())).findFirst()
                .map(q -> items.get(q.id())).ifPresent(this::focus);
    }

    private void focus(QuestionItem item) {
        item.getElement().setAttribute("tabindex", "-1");
        item.getElement().executeJs("this.focus()");
        focused = item.questionId();
    }

    private QuestionItem newItem() {
        QuestionItem item = new QuestionItem();
        item.addVoteListener(onVote);
        return item;
    }

    private void updateItem(QuestionItem item, QuestionView question) {
        QaBoard rendering = Objects.requireNonNull(board, "items are updated while a board renders");
        QuestionItem.Voting voting;
        if (!rendering.signedIn()) {
            voting = QuestionItem.Voting.NOT_SIGNED_IN;
        } else if (rendering.sessionOver()) {
            voting = QuestionItem.Voting.CLOSED;
        } else if (mine.contains(question.id())) {
            voting = QuestionItem.Voting.OWN_QUESTION;
        } else {
            voting = QuestionItem.Voting.CAN_VOTE;
        }
        item.show(question, rendering.myVotes().contains(question.id()), voting, zone, justAsked.contains(question.id()));
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    List<QuestionItem> shownItems() {
        return list.getChildren().map(QuestionItem.class::cast).toList();
    }

    /** The id of the question "Show more" last moved focus to; 0 for none. */
    long focusedQuestion() {
        return focused;
    }

    String countText() {
        return count.isVisible() ? count.getText() : "";
    }

    String emptyText() {
        return emptyList.isVisible() ? emptyList.getText() : "";
    }

    String atMostText() {
        return atMost.isVisible() ? atMost.getText() : "";
    }

    @Nullable Button showMoreButton() {
        return showMore.isVisible() ? showMore : null;
    }
}
