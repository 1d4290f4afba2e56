package org.convene.qa.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.convene.programme.ui.SessionViewSection;
import org.springframework.beans.factory.ObjectProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.qa.ModerationBoard;
import org.convene.core.SaveResult;
import org.convene.qa.QaException;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaExportService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final QaExportService export;
    private final QaModerationService moderation;
    private final ProgrammeService programme;
    private final LiveRefresh liveRefresh;
    private final Announcements announcements;

    private long sessionId;
    private ZoneId zone = ZoneOffset.UTC;
    private String pageTitle = "Moderate questions";
    private @Nullable ModerationBoard board;
    private boolean flushScheduled;
    /** The counts last listed, so a refresh for votes alone leaves them be. */
    private @Nullable Map<QuestionState, Integer> countsShown;

    private final Div status = new Div();
    private final Div liveRegion = new Div();
    private final ModerationSettings settings = new ModerationSettings();
    private final UnorderedList counts = new UnorderedList();
    private final ModerationSection queue;
    private final ModerationSection publicQuestions;
    private final ModerationSection handled;
    private final OnBehalfForm onBehalf = new OnBehalfForm();
    private final List<SessionViewSection> sections;

    public ModerationView(QaService qa, QaModerationService moderation, QaExportService export, QaLiveUpdates live,
                          BoardPush push, ProgrammeService programme, Clock clock,
                          ObjectProvider<SessionViewSection> sections) {
        this.qa = qa;
        this.sections = SessionViewSection.on(SessionViewSection.View.MODERATION, sections.orderedStream().toList());
        this.moderation = moderation;
        this.export = export;
        this.programme = programme;
        this.liveRefresh = new LiveRefresh(live, push::schedule, this::refresh);
        this.announcements = new Announcements(clock);
        this.queue = new ModerationSection("qa-queue", "Waiting for approval", "Oldest first.",
                "No questions are waiting for approval.", this::newItem, this::updateItem);
        this.publicQuestions = new ModerationSection("qa-public", "Public questions",
                "The question on stage first, then by votes.", "No public questions yet.", this::newItem,
                this::updateItem);
        this.handled = new ModerationSection("qa-handled", "Dismissed and merged", null, "None yet.",
                this::newItem, this::updateItem);
        addClassNames("cv-moderation", "cv-qa");
        settings.addChangeListener(this::saveSettings);
        onBehalf.addAddListener(this::addOnBehalf);
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
        sections.forEach(section -> section.create(sessionId, zone).ifPresent(this::add));

        add(settings, countsSection(), queue, publicQuestions, onBehalf, handled,
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
                export.exportCsv(id, out);
            } catch (QaException e) {
                // the right went between the check and the export: what was sent is cut short, not completed
                event.getResponse().setStatus(403);
            }
        };
    }

    private Section countsSection() {
        counts.addClassName("cv-mod-counts");
        return new Section(new H2("Questions so far"), counts);
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
        List<Announcements.Item> said = announce && board != null ? ModerationLists.newlyWaiting(board, next)
                : List.of();
        board = next;
        settings.show(next.settings());

        if (!next.counts().equals(countsShown)) {
            countsShown = next.counts();
            counts.removeAll();
            for (QuestionState state : QuestionState.values()) {
                counts.add(new ListItem(QuestionTexts.stateLabel(state) + ": " + next.counts().getOrDefault(state, 0)));
            }
        }

        queue.show(ModerationLists.waiting(next));
        publicQuestions.show(ModerationLists.visible(next));
        handled.show(ModerationLists.handled(next));

        announcements.offer(said).ifPresent(liveRegion::setText);
        if (announcements.hasHeld() && !flushScheduled) {
            flushScheduled = true;
            liveRefresh.later(announcements.untilNextAllowed(), () -> {
                flushScheduled = false;
                announcements.flush().ifPresent(liveRegion::setText);
            });
        }
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

    private void saveSettings(ModerationSettings.ChangeEvent change) {
        if (board == null) {
            return;
        }
        try {
            settings.saved(moderation.updateSettings(sessionId, change.open(), change.preModeration(),
                    change.anonymousAllowed()), change.confirmation());
        } catch (QaException e) {
            settings.refused(e.getMessage(), board.settings(), change);
        }
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    private void act(ModerationItem.ActionEvent event) {
        ModerationItem item = event.getSource();
        QuestionView question = item.question();
        switch (event.action()) {
            case APPROVE -> run(item, () -> moderation.approve(question.id(), null), "Approved: " + QuestionTexts.shortText(question));
            case EDIT_AND_APPROVE -> editDialog(item);
            case ANSWER -> run(item, () -> moderation.markAnswered(question.id()), "Marked answered: " + QuestionTexts.shortText(question));
            case STAGE -> {
                if (question.pinned()) {
                    run(item, () -> moderation.unpin(question.id()), "Taken off stage: " + QuestionTexts.shortText(question));
                } else {
                    run(item, () -> moderation.pin(question.id()), "On stage now: " + QuestionTexts.shortText(question));
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
        if (list == queue.list()) {
            queue.focusHeading();
        } else if (list == publicQuestions.list()) {
            publicQuestions.focusHeading();
        } else {
            handled.focusHeading();
        }
    }

    private void refreshNow() {
        try {
            apply(qa.moderationBoard(sessionId), true);
        } catch (QaException e) {
            refuse();
        }
    }

    /** Attached to the view, so it goes when the view goes. */
    private <D extends Dialog> D attach(D dialog) {
        add(dialog);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
            }
        });
        return dialog;
    }

    private void editDialog(ModerationItem item) {
        QuestionView question = item.question();
        textDialog(item, TextDialog.edit(question), text -> moderation.approve(question.id(), text),
                text -> "Edited and approved: " + QuestionTexts.firstWords(text, 8) + ".");
    }

    private void dismissDialog(ModerationItem item) {
        QuestionView question = item.question();
        textDialog(item, TextDialog.dismiss(question), reason -> moderation.dismiss(question.id(), reason),
                reason -> "Dismissed: " + QuestionTexts.shortText(question) + ".");
    }

    private void replyDialog(ModerationItem item) {
        QuestionView question = item.question();
        textDialog(item, TextDialog.reply(question), reply -> moderation.reply(question.id(), reply),
                reply -> "Reply sent to: " + QuestionTexts.shortText(question) + ".");
    }

    /**
     * A problem with what was typed stays in the dialog, on the field; anything else (someone else handled the
     * question meanwhile) closes it and is said on the page.
     */
    private void textDialog(ModerationItem item, TextDialog dialog, Function<String, SaveResult<Long>> action,
                            Function<String, String> done) {
        attach(dialog).addSubmitListener(e -> {
            try {
                switch (action.apply(e.text())) {
                    case SaveResult.Saved<Long> saved -> {
                        dialog.close();
                        say(done.apply(e.text()));
                        reloadAndFocus(item);
                    }
                    case SaveResult.Invalid<Long> invalid -> dialog.problem(invalid.firstMessage());
                    case SaveResult.Conflict<Long> conflict -> throw new IllegalStateException("Q&A actions carry no version, so they cannot conflict");
                }
            } catch (QaException ex) {
                dialog.close();
                say(ex.getMessage());
                reloadAndFocus(item);
            }
        });
        dialog.show();
    }

    private void mergeDialog(ModerationItem item) {
        QuestionView question = item.question();
        MergeDialog dialog = attach(new MergeDialog(question,
                ModerationLists.mergeTargets(Objects.requireNonNull(board, "items are made from the board shown"), question)));
        dialog.addMergeListener(e -> {
            try {
                moderation.merge(question.id(), e.target().id());
                dialog.close();
                say("Merged into: " + QuestionTexts.shortText(e.target()) + ".");
            } catch (QaException ex) {
                dialog.close();
                say(ex.getMessage());
            }
            reloadAndFocus(item);
        });
        dialog.show();
    }

    private void addOnBehalf(OnBehalfForm.AddEvent event) {
        try {
            switch (moderation.askOnBehalf(sessionId, event.text(), event.from())) {
                case SaveResult.Saved<QuestionView>(QuestionView added) -> {
                    onBehalf.added();
                    say("Question added: " + QuestionTexts.shortText(added) + ".");
                    refreshNow();
                }
                case SaveResult.Invalid<QuestionView> invalid -> onBehalf.invalid(invalid.problems());
                case SaveResult.Conflict<QuestionView> conflict -> throw new IllegalStateException("Q&A actions carry no version, so they cannot conflict");
            }
        } catch (QaException e) {
            onBehalf.refused(e.getMessage());
        }
    }

    // ---- for tests --------------------------------------------------------------------------------------------

    String status() {
        return status.getElement().getText();
    }

    String settingsStatus() {
        return settings.status();
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
        return queue.list();
    }

    OrderedList publicList() {
        return publicQuestions.list();
    }

    OrderedList handledList() {
        return handled.list();
    }
}
