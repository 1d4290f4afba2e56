package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QaBoard;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * "Questions from everyone" on the session page: the part of the session's questions this page shows (see
 * {@link QuestionWindow}), a line saying how many that is, "Show 20 more questions", and what to do when the page
 * shows all it can. The items themselves are drawn in the browser from what differs since the last update (see
 * {@link QuestionItem}); one that leaves the part shown while it has focus hands focus to the list's heading.
 * <p>
 * A component: votes are raised to the panel, which calls the service.
 */
final class QuestionList extends Div {

    private final Paragraph count = new Paragraph();
    private final Questions list = new Questions();
    private final Button showMore = new Button();
    private final Paragraph atMost = new Paragraph();
    private final Paragraph emptyList = new Paragraph();
    /** What the browser was last told: shared with other pages that show the same, never changed while shared. */
    private ListState state = ListState.EMPTY;
    private boolean stateShared;
    private final SharedLists sharedLists;
    /** The number of the last change sent; the browser checks each change follows the one it has. */
    private int sent = -1;
    /** Where the items' HTML comes from: shared by the node's pages. */
    private final QuestionItem.Html html;
    private @Nullable Shown shown;
    /** Renders the panel's list again ("Show more" raised the limit): the panel knows the board and its order. */
    private final Runnable renderAgain;
    /** Where focus goes when the focused question leaves the list. */
    private final Component heading;

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

    QuestionList(Component heading, QuestionItem.Html html, SharedLists sharedLists, Runnable renderAgain) {
        this.html = html;
        this.sharedLists = sharedLists;
        this.renderAgain = renderAgain;
        this.heading = heading;
        heading.getElement().setAttribute("tabindex", "-1");

        count.addClassName("cv-qa-count");
        list.getElement().addEventListener("cv-vote", e -> vote(e.getEventData().get("event.detail.id"),
                        e.getEventData().get("event.detail.up")))
                .addEventData("event.detail.id").addEventData("event.detail.up");
        list.getElement().addEventListener("cv-questions-resend", e -> sendWhole());
        list.addAttachListener(e -> pointFocusFallback(e.getUI()));
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
     * @param shared  whether the board's questions are the node's shared list, not one with the reader's own vote
     */
    void render(QaBoard board, List<QuestionView> ordered, QuestionSort sort, ZoneId zone, boolean shared) {
        this.board = board;
        this.sort = sort;
        this.zone = zone;
        window = QuestionWindow.of(ordered, board.questions(), limit, sort);
        mine = BoardChanges.mineIds(board);
        justAsked = window.justAsked().isEmpty() ? Set.of() : Set.copyOf(window.justAsked().stream().map(QuestionView::id).toList());
        if (shared && sharesWithOthers(board)) {
            ListState from = state;
            take(sharedLists.transition(from, board.questions(), sort, zone,
                    () -> diff(from.copy(), window.shown())), true);
        } else {
            take(diff(ownState(), window.shown()), false);
        }
        mine = Set.of();

        boolean empty = window.total() == 0;
        // an update that changes nothing here must cost nothing: most pushes only change a vote count, and even
        // asking an element for its text or visibility costs every page on every push, so what was set is kept
        int step = window.nextStep(limit);
        Shown now = new Shown(empty ? "" : window.status(), !empty,
                QuestionTexts.showMore(step), step > 0,
                window.atMost(limit), sort, board.signedIn() && !board.sessionOver() && board.settings().open(), empty);
        if (now.equals(shown)) {
            return;
        }
        // each part is set only when it changed: setting an element's text replaces its text node even when the
        // words are the same, and every page pays for that on every push (the count changes with each question,
        // the rest seldom)
        Shown before = shown;
        shown = now;
        if (before == null || before.empty() != now.empty()) {
            list.setVisible(!empty);
            emptyList.setVisible(empty);
            if (!empty) {
                list.getUI().ifPresent(this::pointFocusFallback);
            }
        }
        if (before == null || !before.count().equals(now.count())) {
            count.setText(now.count());
        }
        if (before == null || before.countVisible() != now.countVisible()) {
            count.setVisible(now.countVisible());
        }
        if (before == null || !before.more().equals(now.more())) {
            showMore.setText(now.more());
        }
        if (before == null || before.moreVisible() != now.moreVisible()) {
            showMore.setVisible(now.moreVisible());
        }
        if (before == null || before.sort() != now.sort()) {
            atMost.setText("This list shows at most " + QuestionWindow.MOST_SHOWN + " questions. "
                    + (sort == QuestionSort.VOTES ? "To see the newest ones, sort by newest."
                    : "To see the ones with the most votes, sort by most votes."));
        }
        if (before == null || before.atMost() != now.atMost()) {
            atMost.setVisible(now.atMost());
        }
        if (before == null || before.couldAsk() != now.couldAsk()) {
            emptyList.setText(now.couldAsk() ? "No questions yet. Yours could be the first." : "No questions yet.");
        }
    }

    /**
     * Tells the browser's list where focus goes when the focused question leaves it. Only once the list shows:
     * Vaadin holds a browser call on a hidden element until it shows, and re-checks every held call on every
     * push, which thousands of pages with no questions yet would pay for.
     */
    private void pointFocusFallback(UI ui) {
        ui.beforeClientResponse(list, context -> {
            if (list.isVisible()) {
                list.getElement().executeJs("this.fallback = $0", heading.getElement());
            }
        });
    }

    /** What the lines around the items say, as last set. */
    private record Shown(String count, boolean countVisible, String more, boolean moreVisible, boolean atMost,
                         QuestionSort sort, boolean couldAsk, boolean empty) {
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
        ArrayNode changed = JsonNodeFactory.instance.arrayNode();
        QuestionItem own = ownState().items().get(item.questionId());
        voted.questions().stream().filter(q -> own != null && q.id() == own.questionId()).findFirst()
                .map(q -> updateItem(Objects.requireNonNull(own), q)).ifPresent(changed::add);
        mine = Set.of();
        if (!changed.isEmpty()) {
            send(List.of(), changed, null);
        }
    }

    /**
     * Whether this page shows exactly what every signed-out page with the first page of questions shows, so it
     * can share their list state and changes.
     */
    private boolean sharesWithOthers(QaBoard board) {
        return !board.signedIn() && board.mine().isEmpty() && board.myVotes().isEmpty()
                && limit == QuestionWindow.PAGE_SIZE;
    }

    /** The list state, this page's own to change: a shared one is copied first. */
    private ListState ownState() {
        if (stateShared || state == ListState.EMPTY) {
            state = state.copy();
            stateShared = false;
        }
        return state;
    }

    private void take(Transition transition, boolean shared) {
        state = transition.after();
        stateShared = shared;
        if (!transition.removed().isEmpty() || transition.changed() != null || transition.order() != null) {
            send(transition.removed(), transition.changed() == null ? JsonNodeFactory.instance.arrayNode()
                    : transition.changed(), transition.order());
        }
    }

    /**
     * What differs between what the browser shows ({@code from}, changed here to become what it will show) and
     * these questions: items gone, items new or changed, and the order when it is not what the browser would have
     * (what stayed, in its order, then what is new).
     */
    private Transition diff(ListState from, List<QuestionView> questions) {
        Map<Long, QuestionItem> items = from.items();
        List<Long> wanted = new ArrayList<>(questions.size());
        questions.forEach(q -> wanted.add(q.id()));
        Set<Long> staying = new HashSet<>(wanted);
        List<Long> removed = new ArrayList<>();
        List<Long> browserOrder = new ArrayList<>(wanted.size());
        for (long id : from.order()) {
            if (staying.contains(id)) {
                browserOrder.add(id);
            } else {
                items.remove(id);
                removed.add(id);
            }
        }
        ArrayNode changed = JsonNodeFactory.instance.arrayNode();
        for (QuestionView question : questions) {
            QuestionItem item = items.get(question.id());
            if (item == null) {
                item = new QuestionItem();
                items.put(question.id(), item);
                browserOrder.add(question.id());
            }
            ObjectNode change = updateItem(item, question);
            if (change != null) {
                changed.add(change);
            }
        }
        List<Long> order = List.copyOf(wanted);
        return new Transition(new ListState(order, items), List.copyOf(removed), changed.isEmpty() ? null : changed,
                browserOrder.equals(wanted) ? null : order);
    }

    /**
     * What the browser shows, by question id and in its order. Shared by pages (then nobody changes it) or
     * a page's own.
     */
    record ListState(List<Long> order, Map<Long, QuestionItem> items) {

        static final ListState EMPTY = new ListState(List.of(), Map.of());

        /** A deep copy to change. */
        ListState copy() {
            Map<Long, QuestionItem> copied = new HashMap<>(Math.max(16, items.size() * 2));
            items.forEach((id, item) -> copied.put(id, item.copy()));
            return new ListState(order, copied);
        }
    }

    /** From one list state to the next, and what to tell the browser: nothing but the state when all are empty. */
    record Transition(ListState after, List<Long> removed, @Nullable ArrayNode changed, @Nullable List<Long> order) {

        Transition withAfter(ListState same) {
            return new Transition(same, removed, changed, order);
        }
    }

    private void send(List<Long> removed, ArrayNode changed, @Nullable List<Long> newOrder) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.put("base", sent).put("seq", ++sent);
        if (!removed.isEmpty()) {
            ArrayNode gone = change.putArray("remove");
            removed.forEach(gone::add);
        }
        if (!changed.isEmpty()) {
            change.set("items", changed);
        }
        if (newOrder != null) {
            ArrayNode ids = change.putArray("order");
            newOrder.forEach(ids::add);
        }
        list.apply(change);
    }

    /** The browser lost track (its page was rebuilt, or a change went missing): everything, from nothing. */
    private void sendWhole() {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.put("full", true).put("seq", ++sent);
        ArrayNode all = change.putArray("items");
        ArrayNode ids = change.putArray("order");
        for (long id : state.order()) {
            all.add(Objects.requireNonNull(state.items().get(id), "every id in the order has its item").whole());
            ids.add(id);
        }
        list.apply(change);
    }

    /** A press on an item's up-vote toggle, from the browser: only for a question this page shows. */
    private void vote(@Nullable JsonNode id, @Nullable JsonNode up) {
        if (id == null || up == null || !id.canConvertToLong()) {
            return;
        }
        QuestionItem item = state.items().get(id.asLong());
        if (item != null && item.voteButtonShown()) {
            fireEvent(new VoteEvent(this, item, up.asBoolean()));
        }
    }

    private void showMore() {
        Set<Long> before = window.shownIds();
        limit = QuestionWindow.raised(limit);
        renderAgain.run();
        // keyboard and screen reader users carry on reading where the new questions start
        window.top().stream().filter(q -> !before.contains(q.id())).findFirst()
                .map(q -> state.items().get(q.id())).ifPresent(this::focus);
    }

    private void focus(QuestionItem item) {
        list.getElement().executeJs("if (this.focusQuestion) { this.focusQuestion($0) }", item.questionId());
        focused = item.questionId();
    }

    private @Nullable ObjectNode updateItem(QuestionItem item, QuestionView question) {
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
        return item.show(question, rendering.myVotes().contains(question.id()), voting, zone,
                justAsked.contains(question.id()), html);
    }

    Registration addVoteListener(ComponentEventListener<VoteEvent> listener) {
        return addListener(VoteEvent.class, listener);
    }

    /** The person pressed an item's up-vote toggle: up is the state they asked for. */
    static final class VoteEvent extends ComponentEvent<QuestionList> {

        private final QuestionItem item;
        private final boolean up;

        VoteEvent(QuestionList source, QuestionItem item, boolean up) {
            super(source, true);
            this.item = item;
            this.up = up;
        }

        QuestionItem item() {
            return item;
        }

        boolean up() {
            return up;
        }
    }

    /** The browser's side of the list: frontend/components/convene-questions.js. */
    @Tag("convene-questions")
    @JsModule("./components/convene-questions.js")
    static final class Questions extends Component {

        private static final Consumer<ObjectNode> NOBODY = change -> { };
        /** Who else hears each change (tests: the mock browser runs no script, and drops what was sent). */
        private Consumer<ObjectNode> watcher = NOBODY;

        void watch(Consumer<ObjectNode> watcher) {
            this.watcher = watcher;
        }

        /** Sent to the element even before its script has run: it takes the early ones when it starts. */
        void apply(ObjectNode change) {
            watcher.accept(change);
            getElement().executeJs("if (this.apply) { this.apply($0) } else { (this._early = this._early || []).push($0) }",
                    change);
        }
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    /** Whether this page's list state is one other pages share. */
    boolean sharesState() {
        return stateShared;
    }

    List<QuestionItem> shownItems() {
        return state.order().stream()
                .map(id -> Objects.requireNonNull(state.items().get(id), "every id in the order has its item")).toList();
    }

    /** The browser's element that draws the items. */
    Component questionsElement() {
        return list;
    }

    /** Tells the watcher of every change sent to the browser from now on. */
    void watchChanges(Consumer<ObjectNode> watcher) {
        list.watch(watcher);
    }

    /** A press on the item's up-vote toggle, as the browser reports it. */
    void pressVote(QuestionItem item) {
        vote(JsonNodeFactory.instance.numberNode(item.questionId()), JsonNodeFactory.instance.booleanNode(!item.voted()));
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
