package org.convene.qa.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.qa.LiveBoard;
import org.convene.qa.LiveBoards;
import org.convene.qa.MyQuestion;
import org.convene.qa.QaBoard;
import org.convene.core.SaveResult;
import org.convene.qa.QaException;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaService;
import org.convene.qa.QaSettings;
import org.convene.qa.QaViewer;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The attendee's live Q&A on a session page: ask (anonymously when the session allows it), see and up-vote
 * everyone's questions, follow one's own questions in every state, and hear what changes through a polite
 * live region that batches bursts and never reads out votes. A person can pause the list so it does not move
 * under them while they read.
 * <p>
 * A prototype bean: the session page gets a new one for each session it shows and calls {@link #show}.
 * It is a self-contained part of the Q&A feature, so it calls the Q&A service itself instead of raising
 * events for the programme's page to handle.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@StyleSheet("styles/qa.css")
public class QaPanel extends Div implements AfterNavigationObserver {

    static final String SORT_PARAMETER = "sort";

    private final QaService qa;
    private final LiveBoards boards;
    private final BoardPush push;
    private final Clock clock;
    private final SharedLists sharedLists;
    private final Announcements announcements;
    private QaLiveUpdates.@Nullable Registration watching;
    private QaLiveUpdates.@Nullable Registration watchingMyVotes;
    private final QaLiveUpdates live;
    /** The shared board last shown: a board older than it (lower moderation seq) is never shown after it. */
    private @Nullable LiveBoard shownBoard;
    /** Read once when the session is shown; my votes then change only by my own actions here. */
    private QaViewer viewer = QaViewer.ANONYMOUS;
    private final Set<Long> myVotes = new HashSet<>();

    private long sessionId;
    private ZoneId zone = ZoneOffset.UTC;
    private QuestionSort sort = QuestionSort.VOTES;
    private @Nullable Location location;
    private boolean flushScheduled;

    private final Paragraph stateNote = new Paragraph();
    private final ModeratorLinks moderatorLinks = new ModeratorLinks();

    private final AskForm askForm = new AskForm();
    private final MyQuestionsList mineList = new MyQuestionsList();

    private final RadioButtonGroup<QuestionSort> sortChoice = new RadioButtonGroup<>("Sort questions by");
    private final Checkbox pause = new Checkbox("Pause live updates");
    private final Div pendingBar = new Div();
    private final Paragraph pendingText = new Paragraph();
    private final Paragraph listStatus = new Paragraph();
    private final H3 listHeading = new H3("Questions from everyone");
    private final QuestionList questionList;
    /** What the form was last set up for; null before the first board of a session. */
    private @Nullable FormState formShown;
    private final Div liveRegion = new Div();

    /** What the list shows: stays put while live updates are paused. */
    private @Nullable QaBoard listBoard;
    /** What "Your questions" shows: always current, it is about the reader. */
    private @Nullable QaBoard mineBoard;
    /** The newest board read. */
    private @Nullable QaBoard latest;
    private boolean updatingControls;
    private boolean detachedSinceShown;
    private boolean pendingBarShown;

    public QaPanel(QaService qa, LiveBoards boards, QaLiveUpdates live, BoardPush push, QuestionHtml html,
                   SharedLists sharedLists, Clock clock) {
        this.qa = qa;
        this.live = live;
        this.boards = boards;
        this.push = push;
        this.clock = clock;
        this.announcements = new Announcements(clock);
        this.sharedLists = sharedLists;
        this.questionList = new QuestionList(listHeading, html::of, sharedLists,
                () -> renderList(Objects.requireNonNull(listBoard, "Show more shows only under a rendered list")));
        questionList.addVoteListener(this::vote);
        addClassName("cv-qa");

        stateNote.addClassName("cv-qa-state");
        stateNote.setVisible(false);

        liveRegion.addClassName("cv-visually-hidden");
        liveRegion.setId("qa-announcements");
        liveRegion.getElement().setAttribute("role", "status");
        liveRegion.getElement().setAttribute("aria-live", "polite");
        liveRegion.getElement().setAttribute("aria-atomic", "true");

        askForm.addAskListener(this::ask);
        add(stateNote, moderatorLinks, askForm, mineList, listSection(), liveRegion);
    }

    private Div listSection() {
        Div section = new Div();
        section.addClassName("cv-qa-list");

        sortChoice.setItems(QuestionSort.values());
        sortChoice.setItemLabelGenerator(s -> s.label);
        sortChoice.setValue(sort);
        sortChoice.addValueChangeListener(e -> {
            if (!updatingControls && e.getValue() != null) {
                sortBy(e.getValue());
            }
        });

        pause.setHelperText("The list stays as it is until you choose to show the new updates.");
        pause.addValueChangeListener(e -> {
            if (!e.getValue() && latest != null) {
                showLatest();
            }
        });

        pendingBar.addClassName("cv-qa-pending");
        Button showThem = new Button("Show new updates", e -> showLatest());
        pendingBar.add(pendingText, showThem);
        pendingBar.setVisible(false);

        listStatus.addClassName("cv-qa-list-status");
        listStatus.getElement().setAttribute("role", "status");

        Div controls = new Div(sortChoice, pause);
        controls.addClassName("cv-qa-controls");
        section.add(listHeading, controls, pendingBar, listStatus, questionList);
        return section;
    }

    // ---- showing a session --------------------------------------------------------------------------------

    /** Shows the Q&A of a session, with times in the given zone. */
    public void show(long sessionId, ZoneId zone) {
        this.sessionId = sessionId;
        this.zone = zone;
        listBoard = null;
        mineBoard = null;
        questionList.reset();
        formShown = null;
        shownBoard = null;
        detachedSinceShown = false;
        viewer = qa.viewer(sessionId);
        myVotes.clear();
        myVotes.addAll(viewer.myVotes());
        getUI().ifPresent(this::startWatching);
        // watching first makes the node keep the session's board, so thousands of pages opening read it once
        showShared(boards.current(sessionId));
    }

    /**
     * Listens before reading, so a change committed in between arrives afterwards instead of being missed;
     * boards older than the read are then ignored.
     */
    private void startWatching(UI ui) {
        stopWatching();
        watching = push.attach(ui, sessionId, this::showShared);
        if (viewer.signedIn()) {
            long shownSession = sessionId;
            watchingMyVotes = live.subscribeToMyVotes(viewer.userId(), vote -> {
                if (vote.sessionId() == shownSession) {
                    push.later(ui, java.time.Duration.ZERO, () -> myVoteElsewhere(vote));
                }
            });
        }
    }

    private void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
        if (watchingMyVotes != null) {
            watchingMyVotes.close();
            watchingMyVotes = null;
        }
    }

    /** A vote I cast in another tab or app: shown as mine here too; the count follows with the shared board. */
    private void myVoteElsewhere(QaLiveUpdates.MyVote vote) {
        boolean changed = vote.up() ? myVotes.add(vote.questionId()) : myVotes.remove(vote.questionId());
        if (changed && shownBoard != null) {
            apply(project(shownBoard));
        }
    }

    /** The board as the database has it now: on opening, and after the reader's own question. */
    private void showFresh() {
        showShared(boards.read(sessionId));
    }

    /** Runs with the UI locked. */
    private void showShared(LiveBoard board) {
        if (shownBoard != null && (board == shownBoard || board.moderationSeq() < shownBoard.moderationSeq())) {
            return;
        }
        shownBoard = board;
        QaBoard mine = project(board);
        if (latest != null && BoardChanges.sameForThisReader(latest, mine)) {
            // someone else's pending question, say: nothing on this page changes, so nothing is pushed to it
            latest = mine;
            return;
        }
        apply(mine);
    }

    /** The shared board as this reader sees it: their own questions, votes and rights added. */
    private QaBoard project(LiveBoard board) {
        List<MyQuestion> mine = viewer.signedIn()
                ? board.mine(viewer.userId()).stream().map(MyQuestion::new).toList() : List.of();
        return new QaBoard(board.sessionId(), board.publicSeq(), board.settings(), board.publicQuestions(), mine,
                Set.copyOf(myVotes), viewer.signedIn(), viewer.canModerate(), board.isOver(clock.instant()));
    }

    /** The zone the page shows times in changed. */
    public void setZone(ZoneId zone) {
        if (zone.equals(this.zone)) {
            return;
        }
        this.zone = zone;
        if (listBoard != null) {
            renderList(listBoard);
            mineList.show(Objects.requireNonNull(mineBoard, "applied before the list"), zone);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        location = event.getLocation();
        QuestionSort wanted = QuestionSort.fromParameter(location.getQueryParameters().getSingleParameter(SORT_PARAMETER).orElse(null));
        if (wanted != sort) {
            sort = wanted;
            updatingControls = true;
            sortChoice.setValue(wanted);
            updatingControls = false;
            if (listBoard != null) {
                renderList(listBoard);
            }
        }
    }

    private void sortBy(QuestionSort chosen) {
        sort = chosen;
        if (listBoard != null) {
            renderList(listBoard);
        }
        // remembered in the address, so a reload or a shared link keeps the order
        if (location != null) {
            QueryParameters query = chosen.parameter == null
                    ? location.getQueryParameters().excluding(SORT_PARAMETER)
                    : location.getQueryParameters().merging(SORT_PARAMETER, chosen.parameter);
            location = new Location(location.getPath(), query);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (sessionId > 0) {
            startWatching(attachEvent.getUI());
            // changes made while the panel was away (a reused view) are read now, not at the next change
            if (detachedSinceShown) {
                detachedSinceShown = false;
                showFresh();
            }
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
        detachedSinceShown = true;
        super.onDetach(detachEvent);
    }

    // ---- asking -----------------------------------------------------------------------------------------

    private void ask(AskForm.AskEvent event) {
        try {
            switch (qa.ask(sessionId, event.text(), event.anonymous())) {
                case SaveResult.Saved<QuestionView>(QuestionView sent) -> {
                    askForm.sent(sent.state() == QuestionState.PENDING);
                    // the asker sees their question at once, not when the shared board comes round
                    showFresh();
                }
                case SaveResult.Invalid<QuestionView> invalid -> askForm.refused(invalid.firstMessage());
                case SaveResult.Conflict<QuestionView> conflict -> throw new IllegalStateException("asking carries no version, so it cannot conflict");
            }
        } catch (QaException e) {
            askForm.refused(e.getMessage());
        }
    }

    private void updateForm(QaBoard board) {
        // most boards differ from the last one in votes only: the form's state is then the same, and asking the
        // page's elements whether it is costs every page on every push
        FormState state = new FormState(board.settings(), board.signedIn(), board.sessionOver(), board.canModerate());
        if (state.equals(formShown)) {
            return;
        }
        formShown = state;
        askForm.update(board);
        if (board.sessionOver()) {
            stateNote.setVisible(false);
        } else if (!board.settings().open()) {
            stateNote.setText("Questions are closed for now. You can still read the questions"
                    + (board.signedIn() ? " and vote." : "."));
            stateNote.setVisible(true);
        } else {
            stateNote.setVisible(false);
        }
        moderatorLinks.update(sessionId, board.canModerate());
    }

    /** What the form and the notes around it depend on. */
    private record FormState(QaSettings settings, boolean signedIn, boolean sessionOver, boolean canModerate) {
    }

    // ---- applying a board -------------------------------------------------------------------------------

    private void apply(QaBoard board) {
        latest = board;
        List<Announcements.Item> said = new ArrayList<>();
        updateForm(board);

        if (mineBoard != null) {
            said.addAll(BoardChanges.changesToMine(mineBoard, board));
        }
        mineList.show(board, zone);
        mineBoard = board;

        if (listBoard == null || !pause.getValue()) {
            QaBoard before = listBoard;
            renderList(board);
            listBoard = board;
            if (before != null) {
                said.addAll(publicChanges(before, board));
            }
            showPendingBar(false);
        } else {
            int waiting = BoardChanges.countChanges(listBoard, board);
            pendingText.setText(waiting == 1 ? "1 new update." : waiting + " new updates.");
            showPendingBar(waiting > 0);
        }
        announce(said);
    }

    private void showLatest() {
        // the "show updates" bar appears only once a list is shown and a newer board has come
        QaBoard shown = Objects.requireNonNull(listBoard, "a list is shown");
        QaBoard latest = Objects.requireNonNull(this.latest, "a board was applied");
        renderList(latest);
        listBoard = latest;
        List<Announcements.Item> said = publicChanges(shown, latest);
        showPendingBar(false);
        announce(said);
    }

    /** Kept here rather than asked of the element: every page would pay for asking on every push. */
    private void showPendingBar(boolean visible) {
        if (visible != pendingBarShown) {
            pendingBarShown = visible;
            pendingBar.setVisible(visible);
        }
    }

    /** What changed for everyone, said about the questions now shown: call after rendering {@code after}. */
    private List<Announcements.Item> publicChanges(QaBoard before, QaBoard after) {
        Set<Long> shown = questionList.shownIds();
        if (!questionList.sharesState()) {
            return BoardChanges.publicChanges(before, after, shown::contains, questionList.notShownHint());
        }
        // what the pages sharing the list hear is the same for all of them
        return sharedLists.said(before.questions(), after.questions(), sort,
                () -> BoardChanges.publicChanges(before, after, shown::contains, questionList.notShownHint()));
    }

    private void announce(List<Announcements.Item> said) {
        announcements.offer(said).ifPresent(liveRegion::setText);
        if (announcements.hasHeld() && !flushScheduled) {
            flushScheduled = true;
            getUI().ifPresent(ui -> push.later(ui, announcements.untilNextAllowed(), this::flushAnnouncements));
        }
    }

    private void flushAnnouncements() {
        flushScheduled = false;
        announce(List.of());
    }

    // ---- rendering ----------------------------------------------------------------------------------------

    private void renderList(QaBoard board) {
        // the shared board sorts once per order for every page; a list with my own vote just counted is mine alone
        boolean shared = shownBoard != null && board.questions() == shownBoard.publicQuestions();
        List<QuestionView> ordered = shownBoard != null && shared
                ? shownBoard.publicQuestions(sort.order) : board.questions().stream().sorted(sort.order).toList();
        questionList.render(board, ordered, sort, zone, shared);
    }

    // ---- voting -------------------------------------------------------------------------------------------

    private void vote(QuestionList.VoteEvent event) {
        QuestionItem item = event.item();
        long id = item.questionId();
        listStatus.setText("");
        try {
            qa.vote(id, event.up());
            if (event.up()) {
                myVotes.add(id);
            } else {
                myVotes.remove(id);
            }
            // shown at once, without waiting for the coalesced count and without moving the list
            listBoard = BoardChanges.withMyVote(Objects.requireNonNull(listBoard, "votes come from the list shown"), id,
                    event.up());
            questionList.showVote(item, listBoard);
        } catch (QaException e) {
            listStatus.setText(e.getMessage());
        }
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    String announcement() {
        return liveRegion.getElement().getText();
    }

    List<QuestionItem> shownItems() {
        return questionList.shownItems();
    }

    QuestionList questionList() {
        return questionList;
    }

    /** "question text: status" for each of my questions, newest first. */
    List<String> mine() {
        return mineList.texts();
    }

    String askStatus() {
        return askForm.status();
    }

    String counterAnnouncement() {
        return askForm.counterAnnouncement();
    }

    String listStatus() {
        return listStatus.getText();
    }

    String stateNote() {
        return stateNote.isVisible() ? stateNote.getText() : "";
    }

    String emptyText() {
        return questionList.emptyText();
    }

    String pendingUpdates() {
        return pendingBar.isVisible() ? pendingText.getText() : "";
    }

    String errorSummary() {
        return askForm.errorSummary();
    }
}
