package org.convene.qa.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.qa.ModerationBoard;
import org.convene.qa.QaException;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaService;
import org.convene.qa.QaSettings;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a session's facilitators (and organisers) run its Q&A: the switches, the queue of questions waiting
 * for approval (oldest first), the public questions with answer, stage, reply and merge, questions sent in
 * by phone or email, and the links to the stage screen and the CSV export. It updates live, like the panel.
 * The service decides who may moderate; anyone else sees a plain refusal and no data.
 */
@Route(value = "sessions/:id(\\d+)/moderate", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/qa.css")
public class ModerationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String REFUSAL = "Only this session's facilitators and organisers can moderate its questions.";

    private final QaService qa;
    private final ProgrammeService programme;
    private final LiveRefresh liveRefresh;
    private final Announcements announcements;

    private long sessionId;
    private ZoneId zone = ZoneOffset.UTC;
    private String pageTitle = "Moderate questions";
    private @Nullable ModerationBoard board;
    private boolean updatingSettings;
    private boolean flushScheduled;

    private final Div status = new Div();
    private final Div liveRegion = new Div();
    private final Checkbox open = new Checkbox("Take questions");
    private final Checkbox preModeration = new Checkbox("Check questions before everyone sees them");
    private final Checkbox anonymousAllowed = new Checkbox("Allow anonymous questions");
    private final Paragraph settingsStatus = new Paragraph();
    private final UnorderedList counts = new UnorderedList();
    private final H2 queueHeading = new H2();
    private final H2 publicHeading = new H2();
    private final H2 handledHeading = new H2();
    private final OrderedList queue = new OrderedList();
    private final OrderedList publicList = new OrderedList();
    private final OrderedList handledList = new OrderedList();
    private final Paragraph queueEmpty = new Paragraph("No questions are waiting for approval.");
    private final Paragraph publicEmpty = new Paragraph("No public questions yet.");
    private final Paragraph handledEmpty = new Paragraph("None yet.");
    private final KeyedList<QuestionView, ModerationItem> queueItems;
    private final KeyedList<QuestionView, ModerationItem> publicItems;
    private final KeyedList<QuestionView, ModerationItem> handledItems;
    private final ErrorSummary behalfErrors = new ErrorSummary(3);
    private final TextArea behalfText = new TextArea("Question");
    private final TextField behalfFrom = new TextField("From (optional)");

    public ModerationView(QaService qa, QaLiveUpdates live, BoardPush push, ProgrammeService programme, Clock clock) {
        this.qa = qa;
        this.programme = programme;
        this.liveRefresh = new LiveRefresh(live, push::schedule, this::refresh);
        this.announcements = new Announcements(clock);
        this.queueItems = new KeyedList<>(queue, QuestionView::id, q -> newItem(), this::updateItem);
        this.publicItems = new KeyedList<>(publicList, QuestionView::id, q -> newItem(), this::updateItem);
        this.handledItems = new KeyedList<>(handledList, QuestionView::id, q -> newItem(), this::updateItem);
        addClassNames("cv-moderation", "cv-qa");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        liveRefresh.stop();
        removeAll();
        board = null;
        Optional<SessionDetail> session = programme.session(IdParameter.require(event, "id"));
        if (session.isEmpty()) {
            throw new NotFoundException("No such session");
        }
        sessionId = session.get().id();
        zone = session.get().conference().timeZone();
        if (!qa.canModerate(sessionId)) {
            refuse();
            return;
        }
        build(session.get());
        getUI().ifPresent(ui -> liveRefresh.start(ui, sessionId));
    }

    private void refuse() {
        liveRefresh.stop();
        removeAll();
        board = null;
        pageTitle = "You cannot moderate this session";
        Anchor back = new Anchor("sessions/" + sessionId, "Go to the session page");
        back.getElement().setAttribute("router-link", "");
        add(new H1("You cannot moderate this session"), new Paragraph(REFUSAL), new Paragraph(back));
    }

    // ---- building the page ----------------------------------------------------------------------------------

    private void build(SessionDetail session) {
        pageTitle = "Moderate questions: " + session.title();
        add(new H1(pageTitle));

        status.addClassName("cv-mod-status");
        status.getElement().setAttribute("role", "status");
        liveRegion.addClassName("cv-visually-hidden");
        liveRegion.getElement().setAttribute("role", "status");
        liveRegion.getElement().setAttribute("aria-live", "polite");
        liveRegion.getElement().setAttribute("aria-atomic", "true");
        add(links(session), status);

        add(settingsSection(), countsSection(), queueSection(), publicSection(), behalfSection(), handledSection(),
                liveRegion);
        apply(qa.moderationBoard(sessionId), false);
    }

    private Paragraph links(SessionDetail session) {
        Anchor sessionPage = new Anchor("sessions/" + session.id(), "Back to the session page");
        sessionPage.getElement().setAttribute("router-link", "");
        Anchor stage = new Anchor("sessions/" + session.id() + "/stage", "Open the stage view (opens in a new tab)");
        stage.setTarget(AnchorTarget.BLANK);
        stage.getElement().setAttribute("router-ignore", "");
        Anchor csv = new Anchor(csvDownload(session.id()), "Download all questions (CSV)");
        csv.addClassName("cv-mod-csv");
        Paragraph links = new Paragraph(sessionPage, stage, csv);
        links.addClassName("cv-mod-links");
        return links;
    }

    /**
     * The export, served by Vaadin in its own request. The service checks the right again there: the link may
     * outlive the person's role. A UTF-8 byte order mark lets spreadsheet programs read names and accents right.
     */
    private DownloadHandler csvDownload(long id) {
        return event -> {
            if (!qa.canModerate(id)) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName("session-" + id + "-questions.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                qa.exportCsv(id, out);
            } catch (QaException e) {
                // the right went between the check and the export: what was sent is cut short, not completed
                event.getResponse().setStatus(403);
            }
        };
    }

    private Section settingsSection() {
        open.setId("qa-open");
        open.setHelperText("When this is off, nobody can ask. Everyone can still read and vote.");
        preModeration.setId("qa-pre-moderation");
        preModeration.setHelperText("New questions wait below until you approve them.");
        anonymousAllowed.setId("qa-anonymous-allowed");
        anonymousAllowed.setHelperText("People can ask without their name being shown to anyone, you included.");
        open.addValueChangeListener(e -> saveSettings(open, e.getValue() ? "Questions are open." : "Questions are closed."));
        preModeration.addValueChangeListener(e -> saveSettings(preModeration, e.getValue()
                ? "Pre-moderation is on: new questions wait for approval."
                : "Pre-moderation is off: new questions are public at once."));
        anonymousAllowed.addValueChangeListener(e -> saveSettings(anonymousAllowed, e.getValue()
                ? "Anonymous questions are allowed." : "Anonymous questions are not allowed."));
        settingsStatus.addClassName("cv-mod-settings-status");
        settingsStatus.getElement().setAttribute("role", "status");
        Div switches = new Div(open, preModeration, anonymousAllowed);
        switches.addClassName("cv-mod-switches");
        return new Section(new H2("Settings"), switches, settingsStatus);
    }

    private Section countsSection() {
        counts.addClassName("cv-mod-counts");
        return new Section(new H2("Questions so far"), counts);
    }

    private Section queueSection() {
        queueHeading.setId("qa-queue");
        queueHeading.getElement().setAttribute("tabindex", "-1");
        queue.addClassName("cv-mod-list");
        queueEmpty.addClassName("cv-muted");
        return new Section(queueHeading, new Paragraph("Oldest first."), queue, queueEmpty);
    }

    private Section publicSection() {
        publicHeading.setId("qa-public");
        publicHeading.getElement().setAttribute("tabindex", "-1");
        publicList.addClassName("cv-mod-list");
        publicEmpty.addClassName("cv-muted");
        return new Section(publicHeading, new Paragraph("The question on stage first, then by votes."),
                publicList, publicEmpty);
    }

    private Section handledSection() {
        handledHeading.setId("qa-handled");
        handledHeading.getElement().setAttribute("tabindex", "-1");
        handledList.addClassName("cv-mod-list");
        handledEmpty.addClassName("cv-muted");
        return new Section(handledHeading, handledList, handledEmpty);
    }

    private Section behalfSection() {
        behalfText.setId("qa-behalf-text");
        behalfText.setMaxLength(QaPanel.MAX_LENGTH);
        behalfText.setWidthFull();
        behalfFrom.setId("qa-behalf-from");
        behalfFrom.setHelperText("Their name as they would like it shown. Leave it empty to show no name.");
        Button add = new Button("Add question", e -> addOnBehalf());
        Div form = new Div(behalfErrors, behalfText, behalfFrom, add);
        form.addClassName("cv-form");
        return new Section(new H2("Add a question sent in by phone or email"),
                new Paragraph("It is public at once, marked as sent in."), form);
    }

    // ---- live updates ---------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        KeyedList.trackFocus(this);
        if (board != null) {
            liveRefresh.start(attachEvent.getUI(), sessionId);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        liveRefresh.stop();
        super.onDetach(detachEvent);
    }

    private void refresh() {
        if (board == null) {
            return;
        }
        try {
            apply(qa.moderationBoard(sessionId), true);
        } catch (QaException e) {
            // the person's role was taken away while the page was open
            refuse();
        }
    }

    private void apply(ModerationBoard next, boolean announce) {
        List<Announcements.Item> said = new ArrayList<>();
        if (announce && board != null) {
            Set<Long> waitingBefore = board.inState(QuestionState.PENDING).stream().map(QuestionView::id)
                    .collect(Collectors.toCollection(HashSet::new));
            for (QuestionView q : next.inState(QuestionState.PENDING)) {
                if (!waitingBefore.contains(q.id()) && board.questions().stream().noneMatch(b -> b.id() == q.id())) {
                    said.add(new Announcements.Item(Announcements.Kind.WAITING,
                            "New question waiting for approval: " + QuestionTexts.shortText(q)));
                }
            }
        }
        board = next;
        showSettings(next.settings());

        counts.removeAll();
        for (QuestionState state : QuestionState.values()) {
            counts.add(new ListItem(QuestionTexts.stateLabel(state) + ": " + next.counts().getOrDefault(state, 0)));
        }

        List<QuestionView> waiting = next.inState(QuestionState.PENDING).stream()
                .sorted(Comparator.comparing(QuestionView::askedAt).thenComparingLong(QuestionView::id)).toList();
        List<QuestionView> visible = next.questions().stream().filter(q -> q.state().isPublic())
                .sorted(Comparator.comparing((QuestionView q) -> !q.pinned())
                        .thenComparing(q -> q.state() == QuestionState.ANSWERED)
                        .thenComparing(Comparator.comparingInt(QuestionView::votes).reversed())
                        .thenComparing(QuestionView::askedAt))
                .toList();
        List<QuestionView> handled = next.questions().stream()
                .filter(q -> q.state() == QuestionState.DISMISSED || q.state() == QuestionState.MERGED)
                .sorted(Comparator.comparing(QuestionView::updatedAt).reversed()).toList();

        queueHeading.setText("Waiting for approval (" + waiting.size() + ")");
        publicHeading.setText("Public questions (" + visible.size() + ")");
        handledHeading.setText("Dismissed and merged (" + handled.size() + ")");
        show(queueItems, queue, queueEmpty, waiting);
        show(publicItems, publicList, publicEmpty, visible);
        show(handledItems, handledList, handledEmpty, handled);

        announcements.offer(said).ifPresent(liveRegion::setText);
        if (announcements.hasHeld() && !flushScheduled) {
            flushScheduled = true;
            liveRefresh.later(announcements.untilNextAllowed(), () -> {
                flushScheduled = false;
                announcements.flush().ifPresent(liveRegion::setText);
            });
        }
    }

    private static void show(KeyedList<QuestionView, ModerationItem> items, OrderedList list, Paragraph empty,
                             List<QuestionView> questions) {
        items.show(questions);
        list.setVisible(!questions.isEmpty());
        empty.setVisible(questions.isEmpty());
    }

    private ModerationItem newItem() {
        ModerationItem item = new ModerationItem();
        item.addActionListener(this::act);
        return item;
    }

    private void updateItem(ModerationItem item, QuestionView question) {
        String mergedInto = null;
        if (question.mergedInto() != null) {
            ModerationBoard shown = Objects.requireNonNull(board, "items are made from the board shown");
            mergedInto = shown.questions().stream().filter(q -> q.id() == question.mergedInto()).findFirst()
                    .map(QuestionTexts::shortText).orElse(null);
        }
        item.show(question, zone, mergedInto);
    }

    private void showSettings(QaSettings settings) {
        updatingSettings = true;
        try {
            open.setValue(settings.open());
            preModeration.setValue(settings.preModeration());
            anonymousAllowed.setValue(settings.anonymousAllowed());
        } finally {
            updatingSettings = false;
        }
    }

    private void saveSettings(Checkbox changed, String confirmation) {
        if (updatingSettings || board == null) {
            return;
        }
        try {
            QaSettings saved = qa.updateSettings(sessionId, open.getValue(), preModeration.getValue(),
                    anonymousAllowed.getValue());
            settingsStatus.setText("Saved. " + confirmation);
            showSettings(saved);
        } catch (QaException e) {
            settingsStatus.setText(e.getMessage());
            showSettings(board.settings());
            changed.focus();
        }
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    private void act(ModerationItem.ActionEvent event) {
        ModerationItem item = event.getSource();
        QuestionView question = item.question();
        switch (event.action()) {
            case APPROVE -> run(item, () -> qa.approve(question.id(), null), "Approved: " + QuestionTexts.shortText(question));
            case EDIT_AND_APPROVE -> editDialog(item);
            case ANSWER -> run(item, () -> qa.markAnswered(question.id()), "Marked answered: " + QuestionTexts.shortText(question));
            case STAGE -> {
                if (question.pinned()) {
                    run(item, () -> qa.unpin(question.id()), "Taken off stage: " + QuestionTexts.shortText(question));
                } else {
                    run(item, () -> qa.pin(question.id()), "On stage now: " + QuestionTexts.shortText(question));
                }
            }
            case REPLY -> replyDialog(item);
            case MERGE -> mergeDialog(item);
            case DISMISS -> dismissDialog(item);
        }
    }

    /** Runs an action, says what happened, re-reads the board and puts the focus somewhere sensible. */
    private void run(ModerationItem item, Runnable action, String done) {
        try {
            action.run();
            say(done + ".");
        } catch (QaException e) {
            say(e.getMessage());
        }
        reloadAndFocus(item);
    }

    private void say(String text) {
        status.setText(text);
    }

    /**
     * After an action the question often leaves its list (approved, dismissed, merged), and focus would fall to
     * the page: it goes to the same question's next action if it is still in the list, else to the question
     * that took its place, else to the list's heading.
     */
    private void reloadAndFocus(ModerationItem item) {
        Component list = item.getParent().orElse(null);
        int index = list == null ? 0 : list.getElement().indexOfChild(item.getElement());
        refreshNow();
        if (item.getParent().isPresent()) {
            item.firstAction().ifPresent(Button::focus);
            return;
        }
        if (list != null && list.getElement().getChildCount() > 0) {
            int next = Math.min(index, list.getElement().getChildCount() - 1);
            list.getElement().getChild(next).getComponent()
                    .filter(ModerationItem.class::isInstance).map(ModerationItem.class::cast)
                    .flatMap(ModerationItem::firstAction).ifPresent(Button::focus);
            return;
        }
        if (list == queue) {
            queueHeading.getElement().callJsFunction("focus");
        } else if (list == publicList) {
            publicHeading.getElement().callJsFunction("focus");
        } else {
            handledHeading.getElement().callJsFunction("focus");
        }
    }

    private void refreshNow() {
        try {
            apply(qa.moderationBoard(sessionId), true);
        } catch (QaException e) {
            refuse();
        }
    }

    private Dialog dialog(String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.addClassName("cv-mod-dialog");
        // attached to the view, so it goes when the view goes
        add(dialog);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
            }
        });
        return dialog;
    }

    private static Paragraph quoted(QuestionView question) {
        Paragraph text = new Paragraph(question.text());
        text.addClassNames("cv-question-text", "cv-mod-dialog-question");
        return text;
    }

    private static Button cancel(Dialog dialog) {
        return new Button("Cancel", e -> dialog.close());
    }

    private void editDialog(ModerationItem item) {
        QuestionView question = item.question();
        Dialog dialog = dialog("Edit then approve");
        TextArea text = new TextArea("Question");
        text.setId("qa-edit-text");
        text.setValue(question.text());
        text.setMaxLength(QaPanel.MAX_LENGTH);
        text.setWidthFull();
        text.setHelperText("Fix typos or remove personal details. Keep the asker's meaning.");
        Button save = new Button("Save and approve", e -> {
            try {
                qa.approve(question.id(), text.getValue());
                dialog.close();
                say("Edited and approved: " + QuestionTexts.firstWords(text.getValue(), 8) + ".");
                reloadAndFocus(item);
            } catch (QaException ex) {
                fieldOrPage(dialog, item, text, ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(cancel(dialog), save);
        dialog.open();
        text.focus();
    }

    private void dismissDialog(ModerationItem item) {
        QuestionView question = item.question();
        Dialog dialog = dialog("Dismiss this question");
        TextArea reason = new TextArea("Reason (optional)");
        reason.setId("qa-dismiss-reason");
        reason.setWidthFull();
        reason.setHelperText("Only the person who asked will see it, for example: “This is covered in tomorrow's session.”");
        Button dismiss = new Button("Dismiss question", e -> {
            try {
                qa.dismiss(question.id(), reason.getValue());
                dialog.close();
                say("Dismissed: " + QuestionTexts.shortText(question) + ".");
                reloadAndFocus(item);
            } catch (QaException ex) {
                fieldOrPage(dialog, item, reason, ex);
            }
        });
        dismiss.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(quoted(question), reason);
        dialog.getFooter().add(cancel(dialog), dismiss);
        dialog.open();
        reason.focus();
    }

    private void replyDialog(ModerationItem item) {
        QuestionView question = item.question();
        Dialog dialog = dialog("Reply to this question");
        TextArea reply = new TextArea("Your reply");
        reply.setId("qa-reply-text");
        reply.setWidthFull();
        reply.setHelperText("Everyone who can see the question will see your reply, with your name.");
        Button send = new Button("Send reply", e -> {
            try {
                qa.reply(question.id(), reply.getValue());
                dialog.close();
                say("Reply sent to: " + QuestionTexts.shortText(question) + ".");
                reloadAndFocus(item);
            } catch (QaException ex) {
                fieldOrPage(dialog, item, reply, ex);
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(quoted(question), reply);
        dialog.getFooter().add(cancel(dialog), send);
        dialog.open();
        reply.focus();
    }

    private void mergeDialog(ModerationItem item) {
        QuestionView question = item.question();
        Dialog dialog = dialog("Merge into another question");
        List<QuestionView> targets = Objects.requireNonNull(board, "items are made from the board shown")
                .questions().stream()
                .filter(q -> q.id() != question.id())
                .filter(q -> q.state() == QuestionState.APPROVED || q.state() == QuestionState.ANSWERED
                        || q.state() == QuestionState.PENDING)
                .sorted(Comparator.comparing(QuestionView::askedAt))
                .toList();
        Select<QuestionView> target = new Select<>();
        target.setLabel("Merge into");
        target.setId("qa-merge-target");
        target.setItems(targets);
        // plain text items: custom-rendered items are not announced (flow-components#162)
        target.setItemLabelGenerator(ModerationView::mergeLabel);
        target.setWidthFull();
        Paragraph explain = new Paragraph("Its votes move to the question you choose, and it is then hidden. "
                + "Its asker is told it was merged.");
        Button merge = new Button("Merge", e -> {
            if (target.getValue() == null) {
                target.setErrorMessage("Choose the question to merge into.");
                target.setInvalid(true);
                target.focus();
                return;
            }
            try {
                qa.merge(question.id(), target.getValue().id());
                dialog.close();
                say("Merged into: " + QuestionTexts.shortText(target.getValue()) + ".");
                reloadAndFocus(item);
            } catch (QaException ex) {
                dialog.close();
                say(ex.getMessage());
                reloadAndFocus(item);
            }
        });
        merge.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(quoted(question), explain);
        if (targets.isEmpty()) {
            dialog.add(new Paragraph("There is no other open question to merge it into."));
            merge.setEnabled(false);
        } else {
            dialog.add(target);
        }
        dialog.getFooter().add(cancel(dialog), merge);
        dialog.open();
        if (!targets.isEmpty()) {
            target.focus();
        }
    }

    static String mergeLabel(QuestionView q) {
        String suffix = switch (q.state()) {
            case PENDING -> ", waiting for approval";
            case ANSWERED -> ", answered";
            default -> "";
        };
        return QuestionTexts.firstWords(q.text(), 15) + " (" + QuestionTexts.votes(q.votes()) + suffix + ")";
    }

    /**
     * A problem with what was typed stays in the dialog, on the field; anything else (someone else handled the
     * question meanwhile) closes it and is said on the page.
     */
    private void fieldOrPage(Dialog dialog, ModerationItem item, TextArea field, QaException e) {
        if (e.code() == QaException.Code.EMPTY || e.code() == QaException.Code.TOO_LONG) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            field.focus();
        } else {
            dialog.close();
            say(e.getMessage());
            reloadAndFocus(item);
        }
    }

    private void addOnBehalf() {
        behalfErrors.clear(behalfText);
        behalfFrom.setInvalid(false);
        try {
            QuestionView added = qa.askOnBehalf(sessionId, behalfText.getValue(), behalfFrom.getValue());
            behalfText.clear();
            behalfFrom.clear();
            say("Question added: " + QuestionTexts.shortText(added) + ".");
            refreshNow();
        } catch (QaException e) {
            // the service names the field it refuses: "The name ..." is about who sent it in
            if (e.getMessage().startsWith("The name")) {
                behalfErrors.show(behalfFrom, e.getMessage());
            } else {
                behalfErrors.show(behalfText, e.getMessage());
            }
        }
    }

    // ---- for tests --------------------------------------------------------------------------------------------

    String status() {
        return status.getElement().getText();
    }

    String settingsStatus() {
        return settingsStatus.getElement().getText();
    }

    String announcement() {
        return liveRegion.getElement().getText();
    }

    Map<QuestionState, Integer> shownCounts() {
        return board == null ? Map.of() : board.counts();
    }

    List<ModerationItem> items(Function<ModerationView, OrderedList> list) {
        return list.apply(this).getChildren().filter(ModerationItem.class::isInstance).map(ModerationItem.class::cast).toList();
    }

    OrderedList queue() {
        return queue;
    }

    OrderedList publicList() {
        return publicList;
    }

    OrderedList handledList() {
        return handledList;
    }
}
