package org.convene.qa.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.core.ui.ErrorSummary;
import org.convene.qa.LiveBoard;
import org.convene.qa.LiveBoards;
import org.convene.qa.MyQuestion;
import org.convene.qa.QaBoard;
import org.convene.qa.QaException;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaLimits;
import org.convene.qa.QaService;
import org.convene.qa.QaViewer;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** The service's limit; the field stops typing there and the counter counts down to it. */
    static final int MAX_LENGTH = QaLimits.QUESTION_MAX_LENGTH;
    /** The counter is announced only this close to the limit: every keystroke would drown everything else. */
    static final int ANNOUNCE_COUNTER_BELOW = 50;
    static final String SORT_PARAMETER = "sort";
    static final String SENT = "Your question was sent.";
    static final String SENT_FOR_CHECKING = "Your question was sent. A facilitator will check it before everyone can see it.";

    enum Sort {
        VOTES("Most votes", null,
                Comparator.comparingInt(QuestionView::votes).reversed()
                        .thenComparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)),
        NEWEST("Newest", "newest",
                Comparator.comparing(QuestionView::askedAt).reversed()
                        .thenComparing(Comparator.comparingLong(QuestionView::id).reversed()));

        final String label;
        /** The URL value; null for the default, which keeps the address short. */
        final @Nullable String parameter;
        final Comparator<QuestionView> order;

        Sort(String label, @Nullable String parameter, Comparator<QuestionView> order) {
            this.label = label;
            this.parameter = parameter;
            this.order = order;
        }

        static Sort fromParameter(@Nullable String value) {
            return "newest".equals(value) ? NEWEST : VOTES;
        }
    }

    private final QaService qa;
    private final LiveBoards boards;
    private final BoardPush push;
    private final Clock clock;
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
    private Sort sort = Sort.VOTES;
    private @Nullable Location location;
    private boolean flushScheduled;

    private final Paragraph stateNote = new Paragraph();
    private final Paragraph moderatorLinks = new Paragraph();

    private final Div askArea = new Div();
    private final ErrorSummary errorSummary = new ErrorSummary(4);
    private final TextArea questionField = new TextArea("Your question");
    private final Div counterAnnouncer = new Div();
    private final Checkbox anonymous = new Checkbox("Ask anonymously");
    private final Paragraph preModerationNote = new Paragraph(
            "A facilitator checks each question before everyone can see it.");
    private final Button askButton = new Button("Ask");
    private final Paragraph askStatus = new Paragraph();
    private final Div form = new Div();
    private final Paragraph loginPrompt = new Paragraph();
    private final Paragraph overNote = new Paragraph("This session has ended, so it no longer takes questions.");

    private final Div mineArea = new Div();
    private final UnorderedList mineList = new UnorderedList();

    private final RadioButtonGroup<Sort> sortChoice = new RadioButtonGroup<>("Sort questions by");
    private final Checkbox pause = new Checkbox("Pause live updates");
    private final Div pendingBar = new Div();
    private final Paragraph pendingText = new Paragraph();
    private final Paragraph listStatus = new Paragraph();
    private final OrderedList list = new OrderedList();
    private final Paragraph emptyList = new Paragraph();
    private final KeyedList<QuestionView, QuestionItem> items;
    private final Div liveRegion = new Div();

    /** What the list shows: stays put while live updates are paused. */
    private @Nullable QaBoard listBoard;
    /** What "Your questions" shows: always current, it is about the reader. */
    private @Nullable QaBoard mineBoard;
    /** The newest board read. */
    private @Nullable QaBoard latest;
    private boolean updatingControls;
    private boolean detachedSinceShown;

    public QaPanel(QaService qa, LiveBoards boards, QaLiveUpdates live, BoardPush push, Clock clock) {
        this.qa = qa;
        this.live = live;
        this.boards = boards;
        this.push = push;
        this.clock = clock;
        this.announcements = new Announcements(clock);
        this.items = new KeyedList<>(list, QuestionView::id, q -> newItem(), this::updateItem);
        addClassName("cv-qa");

        stateNote.addClassName("cv-qa-state");
        stateNote.setVisible(false);
        moderatorLinks.addClassName("cv-qa-moderator-links");
        moderatorLinks.setVisible(false);

        liveRegion.addClassName("cv-visually-hidden");
        liveRegion.setId("qa-announcements");
        liveRegion.getElement().setAttribute("role", "status");
        liveRegion.getElement().setAttribute("aria-live", "polite");
        liveRegion.getElement().setAttribute("aria-atomic", "true");

        add(stateNote, moderatorLinks, askSection(), mineSection(), listSection(), liveRegion);
    }

    private Div askSection() {
        Div section = new Div();
        section.addClassName("cv-qa-ask");
        H3 heading = new H3("Ask a question");

        questionField.setId("qa-question");
        questionField.setMaxLength(MAX_LENGTH);
        questionField.setWidthFull();
        questionField.setValueChangeMode(ValueChangeMode.LAZY);
        questionField.addValueChangeListener(e -> showCounter());
        counterAnnouncer.addClassName("cv-visually-hidden");
        counterAnnouncer.getElement().setAttribute("aria-live", "polite");
        showCounter();

        anonymous.setId("qa-anonymous");
        anonymous.setHelperText("Not even the facilitators will see your name.");
        preModerationNote.addClassName("cv-muted");
        askButton.addThemeVariants(ButtonVariant.PRIMARY);
        askButton.addClickListener(e -> submitQuestion());
        askStatus.addClassName("cv-qa-ask-status");
        askStatus.getElement().setAttribute("role", "status");

        form.addClassNames("cv-form", "cv-qa-form");
        form.add(errorSummary, questionField, counterAnnouncer, anonymous, preModerationNote, askButton);

        Anchor login = new Anchor("login", "Log in to ask or vote");
        login.getElement().setAttribute("router-link", "");
        loginPrompt.add(login);

        askArea.add(form, loginPrompt, overNote);
        section.add(heading, askArea, askStatus);
        return section;
    }

    private Div mineSection() {
        mineArea.addClassName("cv-qa-mine");
        mineList.addClassName("cv-my-questions");
        mineArea.add(new H3("Your questions"), mineList);
        mineArea.setVisible(false);
        return mineArea;
    }

    private Div listSection() {
        Div section = new Div();
        section.addClassName("cv-qa-list");

        sortChoice.setItems(Sort.values());
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
        list.addClassName("cv-questions");
        emptyList.addClassName("cv-muted");

        Div controls = new Div(sortChoice, pause);
        controls.addClassName("cv-qa-controls");
        section.add(new H3("Questions from everyone"), controls, pendingBar, listStatus, list, emptyList);
        return section;
    }

    // ---- showing a session --------------------------------------------------------------------------------

    /** Shows the Q&A of a session, with times in the given zone. */
    public void show(long sessionId, ZoneId zone) {
        this.sessionId = sessionId;
        this.zone = zone;
        listBoard = null;
        mineBoard = null;
        shownBoard = null;
        detachedSinceShown = false;
        viewer = qa.viewer(sessionId);
        myVotes.clear();
        myVotes.addAll(viewer.myVotes());
        getUI().ifPresent(this::startWatching);
        showFresh();
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
        if (latest != null && sameForThisReader(latest, mine)) {
            // someone else's pending question, say: nothing on this page changes, so nothing is pushed to it
            latest = mine;
            return;
        }
        apply(mine);
    }

    static boolean sameForThisReader(QaBoard shown, QaBoard next) {
        return shown.questions().equals(next.questions()) && shown.mine().equals(next.mine())
                && shown.settings().equals(next.settings()) && shown.sessionOver() == next.sessionOver()
                && shown.myVotes().equals(next.myVotes());
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
            renderMine(Objects.requireNonNull(mineBoard, "applied before the list"));
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        location = event.getLocation();
        Sort wanted = Sort.fromParameter(location.getQueryParameters().getSingleParameter(SORT_PARAMETER).orElse(null));
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

    private void sortBy(Sort chosen) {
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
        KeyedList.trackFocus(this);
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

    private void showCounter() {
        String value = questionField.getValue() == null ? "" : questionField.getValue();
        int left = MAX_LENGTH - value.codePointCount(0, value.length());
        String text = left >= 0
                ? (left == 1 ? "1 character left" : left + " characters left")
                : (left == -1 ? "1 character too many" : -left + " characters too many");
        questionField.setHelperText(text);
        counterAnnouncer.setText(left < ANNOUNCE_COUNTER_BELOW ? text : "");
    }

    private void submitQuestion() {
        askStatus.setText("");
        try {
            QuestionView sent = qa.ask(sessionId, questionField.getValue(), anonymous.getValue());
            errorSummary.clear(questionField);
            questionField.clear();
            askStatus.setText(sent.state() == QuestionState.PENDING ? SENT_FOR_CHECKING : SENT);
            // the asker sees their question at once, not when the shared board comes round
            showFresh();
        } catch (QaException e) {
            // the service's words, on the field and in the summary; what was typed stays
            errorSummary.show(questionField, e.getMessage());
        }
    }

    private void updateForm(QaBoard board) {
        boolean canAsk = board.signedIn() && !board.sessionOver();
        form.setVisible(canAsk);
        loginPrompt.setVisible(!board.signedIn() && !board.sessionOver());
        overNote.setVisible(board.sessionOver());
        // a ticked box stays visible when anonymity is switched off, so the refusal that follows makes sense
        // and nobody's question goes out with their name by surprise
        anonymous.setVisible(board.settings().anonymousAllowed() || anonymous.getValue());
        preModerationNote.setVisible(board.settings().preModeration());
        if (board.sessionOver()) {
            stateNote.setVisible(false);
        } else if (!board.settings().open()) {
            stateNote.setText("Questions are closed for now. You can still read the questions"
                    + (board.signedIn() ? " and vote." : "."));
            stateNote.setVisible(true);
        } else {
            stateNote.setVisible(false);
        }
        if (board.canModerate() && moderatorLinks.getComponentCount() == 0) {
            Anchor moderate = new Anchor("sessions/" + sessionId + "/moderate", "Moderate questions");
            moderate.getElement().setAttribute("router-link", "");
            Anchor stage = new Anchor("sessions/" + sessionId + "/stage", "Open the stage view (opens in a new tab)");
            stage.setTarget(AnchorTarget.BLANK);
            stage.getElement().setAttribute("router-ignore", "");
            moderatorLinks.add(moderate, new Span(" "), stage);
        }
        moderatorLinks.setVisible(board.canModerate());
    }

    // ---- applying a board -------------------------------------------------------------------------------

    private void apply(QaBoard board) {
        latest = board;
        List<Announcements.Item> said = new ArrayList<>();
        updateForm(board);

        if (mineBoard != null) {
            said.addAll(changesToMine(mineBoard, board));
        }
        renderMine(board);
        mineBoard = board;

        if (listBoard == null || !pause.getValue()) {
            if (listBoard != null) {
                said.addAll(publicChanges(listBoard, board));
            }
            renderList(board);
            listBoard = board;
            pendingBar.setVisible(false);
        } else {
            int waiting = countChanges(listBoard, board);
            pendingText.setText(waiting == 1 ? "1 new update." : waiting + " new updates.");
            pendingBar.setVisible(waiting > 0);
        }
        announce(said);
    }

    private void showLatest() {
        // the "show updates" bar appears only once a list is shown and a newer board has come
        QaBoard shown = Objects.requireNonNull(listBoard, "a list is shown");
        QaBoard latest = Objects.requireNonNull(this.latest, "a board was applied");
        List<Announcements.Item> said = publicChanges(shown, latest);
        renderList(latest);
        listBoard = latest;
        pendingBar.setVisible(false);
        announce(said);
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

    private static Set<Long> mineIds(QaBoard board) {
        return board.mine().stream().map(m -> m.question().id()).collect(Collectors.toSet());
    }

    /** What everyone may hear about: new questions, answers, the stage and replies. Never votes, never mine. */
    static List<Announcements.Item> publicChanges(QaBoard before, QaBoard after) {
        Set<Long> mine = mineIds(after);
        Map<Long, QuestionView> old = byId(before.questions(), Function.identity());
        List<Announcements.Item> said = new ArrayList<>();
        for (QuestionView q : sortedByAsked(after.questions())) {
            if (mine.contains(q.id())) {
                continue;
            }
            QuestionView was = old.get(q.id());
            if (was == null) {
                said.add(new Announcements.Item(Announcements.Kind.NEW_QUESTION,
                        "New question: " + QuestionTexts.firstWords(q.text(), 30)));
                continue;
            }
            if (was.state() != QuestionState.ANSWERED && q.state() == QuestionState.ANSWERED) {
                said.add(new Announcements.Item(Announcements.Kind.ANSWERED, "Answered: " + QuestionTexts.shortText(q)));
            }
            if (!was.pinned() && q.pinned()) {
                said.add(new Announcements.Item(Announcements.Kind.ON_STAGE, "On stage now: " + QuestionTexts.shortText(q)));
            }
            for (ReplyView reply : newReplies(was, q)) {
                said.add(new Announcements.Item(Announcements.Kind.REPLY, reply.authorName() + " replied to “"
                        + QuestionTexts.shortText(q) + "”: " + reply.text()));
            }
        }
        return said;
    }

    /** What the asker hears about their own questions, whatever their state. */
    static List<Announcements.Item> changesToMine(QaBoard before, QaBoard after) {
        Map<Long, QuestionView> old = byId(before.mine(), MyQuestion::question);
        List<Announcements.Item> said = new ArrayList<>();
        for (MyQuestion mine : after.mine()) {
            QuestionView q = mine.question();
            QuestionView was = old.get(q.id());
            if (was == null) {
                continue; // just asked: the form has said so
            }
            if (was.state() != q.state()) {
                String sentence = switch (q.state()) {
                    case APPROVED -> "Your question was approved. Everyone can see it now.";
                    case DISMISSED -> q.dismissReason() == null ? "Your question was not approved."
                            : "Your question was not approved: " + q.dismissReason();
                    case ANSWERED -> "Your question was marked answered.";
                    case MERGED -> "Your question was merged with a similar question.";
                    case PENDING -> null;
                };
                if (sentence != null) {
                    said.add(new Announcements.Item(Announcements.Kind.MINE, sentence));
                }
            }
            if (!was.pinned() && q.pinned()) {
                said.add(new Announcements.Item(Announcements.Kind.MINE, "Your question is on stage now."));
            }
            for (ReplyView reply : newReplies(was, q)) {
                said.add(new Announcements.Item(Announcements.Kind.MINE,
                        reply.authorName() + " replied to your question: " + reply.text()));
            }
        }
        return said;
    }

    /** How many questions in the list are new, gone or changed (votes included) since it was shown. */
    static int countChanges(QaBoard before, QaBoard after) {
        Map<Long, QuestionView> old = byId(before.questions(), Function.identity());
        Map<Long, QuestionView> now = byId(after.questions(), Function.identity());
        Set<Long> ids = new HashSet<>(old.keySet());
        ids.addAll(now.keySet());
        return (int) ids.stream().filter(id -> !Objects.equals(old.get(id), now.get(id))).count();
    }

    private static List<ReplyView> newReplies(QuestionView before, QuestionView after) {
        Set<Long> seen = before.replies().stream().map(ReplyView::id).collect(Collectors.toSet());
        return after.replies().stream().filter(r -> !seen.contains(r.id())).toList();
    }

    private static <T> Map<Long, QuestionView> byId(List<T> list, Function<T, QuestionView> question) {
        Map<Long, QuestionView> map = new LinkedHashMap<>();
        list.forEach(item -> map.put(question.apply(item).id(), question.apply(item)));
        return map;
    }

    private static List<QuestionView> sortedByAsked(List<QuestionView> questions) {
        return questions.stream().sorted(Comparator.comparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)).toList();
    }

    // ---- rendering ----------------------------------------------------------------------------------------

    /** The board whose questions are being rendered, for {@link #updateItem}. */
    private @Nullable QaBoard rendering;

    private void renderList(QaBoard board) {
        rendering = board;
        // the shared board sorts once per order for every page; a list with my own vote just counted is mine alone
        List<QuestionView> ordered = shownBoard != null && board.questions() == shownBoard.publicQuestions()
                ? shownBoard.publicQuestions(sort.order) : board.questions().stream().sorted(sort.order).toList();
        items.show(ordered);
        boolean empty = board.questions().isEmpty();
        list.setVisible(!empty);
        emptyList.setText(board.signedIn() && !board.sessionOver() && board.settings().open()
                ? "No questions yet. Yours could be the first." : "No questions yet.");
        emptyList.setVisible(empty);
    }

    private QuestionItem newItem() {
        QuestionItem item = new QuestionItem();
        item.addVoteListener(this::vote);
        return item;
    }

    private void updateItem(QuestionItem item, QuestionView question) {
        QaBoard rendering = Objects.requireNonNull(this.rendering, "items are updated while a board renders");
        QuestionItem.Voting voting;
        if (!rendering.signedIn()) {
            voting = QuestionItem.Voting.NOT_SIGNED_IN;
        } else if (rendering.sessionOver()) {
            voting = QuestionItem.Voting.CLOSED;
        } else if (mineIds(rendering).contains(question.id())) {
            voting = QuestionItem.Voting.OWN_QUESTION;
        } else {
            voting = QuestionItem.Voting.CAN_VOTE;
        }
        item.show(question, rendering.myVotes().contains(question.id()), voting, zone);
    }

    /** What "Your questions" shows now, to leave it alone when an update does not change it. */
    private List<QuestionView> mineShown = List.of();
    private @Nullable ZoneId mineZone;

    private void renderMine(QaBoard board) {
        List<QuestionView> mine = board.mine().stream().map(MyQuestion::question)
                .sorted(Comparator.comparing(QuestionView::askedAt).reversed()).toList();
        mineArea.setVisible(board.signedIn() && !mine.isEmpty());
        if (mine.equals(mineShown) && zone.equals(mineZone)) {
            return;
        }
        mineShown = mine;
        mineZone = zone;
        mineList.removeAll();
        for (QuestionView q : mine) {
            ListItem item = new ListItem();
            item.addClassName("cv-my-question");
            Paragraph text = new Paragraph(q.text());
            text.addClassName("cv-question-text");
            Paragraph status = new Paragraph(QuestionTexts.myStatus(q));
            status.addClassNames("cv-my-status", "cv-my-status-" + q.state().name().toLowerCase());
            Paragraph meta = new Paragraph((q.anonymous() ? "Asked anonymously, " : "Asked with your name, ")
                    + QuestionTexts.askedAt(q.askedAt(), zone));
            meta.addClassName("cv-question-meta");
            item.add(text, status, meta);
            if (q.pinned()) {
                Span onStage = new Span("On stage");
                onStage.addClassNames("cv-badge", "cv-badge-stage");
                item.add(onStage);
            }
            if (!q.replies().isEmpty()) {
                UnorderedList replies = new UnorderedList();
                replies.addClassName("cv-replies");
                for (ReplyView reply : q.replies()) {
                    replies.add(new ListItem("Reply from " + reply.authorName() + ": " + reply.text()));
                }
                item.add(replies);
            }
            mineList.add(item);
        }
    }

    // ---- voting -------------------------------------------------------------------------------------------

    private void vote(QuestionItem.VoteEvent event) {
        QuestionItem item = event.getSource();
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
            listBoard = withMyVote(Objects.requireNonNull(listBoard, "votes come from the list shown"), id, event.up());
            rendering = listBoard;
            listBoard.questions().stream().filter(q -> q.id() == id).findFirst()
                    .ifPresent(q -> updateItem(item, q));
        } catch (QaException e) {
            listStatus.setText(e.getMessage());
        }
    }

    private static QaBoard withMyVote(QaBoard board, long questionId, boolean up) {
        boolean had = board.myVotes().contains(questionId);
        if (had == up) {
            return board;
        }
        Set<Long> votes = new HashSet<>(board.myVotes());
        if (up) {
            votes.add(questionId);
        } else {
            votes.remove(questionId);
        }
        List<QuestionView> questions = board.questions().stream()
                .map(q -> q.id() != questionId ? q : new QuestionView(q.id(), q.sessionId(), q.text(), q.authorName(),
                        q.anonymous(), q.onBehalfOf(), q.state(), q.pinned(), q.votes() + (up ? 1 : -1), q.askedAt(),
                        q.updatedAt(), q.dismissReason(), q.mergedInto(), q.replies()))
                .toList();
        return new QaBoard(board.sessionId(), board.seq(), board.settings(), questions, board.mine(), Set.copyOf(votes),
                board.signedIn(), board.canModerate(), board.sessionOver());
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    String announcement() {
        return liveRegion.getElement().getText();
    }

    List<QuestionItem> shownItems() {
        return list.getChildren().map(QuestionItem.class::cast).toList();
    }

    /** "question text: status" for each of my questions, newest first. */
    List<String> mine() {
        if (!mineArea.isVisible()) {
            return List.of();
        }
        return mineList.getChildren().map(li -> li.getChildren().map(c -> c.getElement().getText()).limit(2)
                .collect(Collectors.joining(": "))).toList();
    }

    String askStatus() {
        return askStatus.getText();
    }

    String counterAnnouncement() {
        return counterAnnouncer.getText();
    }

    String listStatus() {
        return listStatus.getText();
    }

    String stateNote() {
        return stateNote.isVisible() ? stateNote.getText() : "";
    }

    String emptyText() {
        return emptyList.isVisible() ? emptyList.getText() : "";
    }

    String pendingUpdates() {
        return pendingBar.isVisible() ? pendingText.getText() : "";
    }

    String errorSummary() {
        return errorSummary.isVisible() ? errorSummary.text() : "";
    }
}
