package org.convene.qa.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.convene.programme.ui.SessionViewSection;
import org.springframework.beans.factory.ObjectProvider;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.ui.IdParameter;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaService;
import org.convene.qa.QaSnapshot;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The screen a facilitator shares in the call or puts on a projector: the question on stage, very large, and
 * the next few by votes. Full screen, no navigation and no controls; white on near-black (well over 7:1) in
 * sizes that scale with the browser's zoom. It shows only public questions, so anyone with the link may open it.
 */
@Route("sessions/:id(\\d+)/stage")
@AnonymousAllowed
@StyleSheet("styles/stage.css")
public class StageView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int NEXT_COUNT = 5;
    static final String EMPTY = "Questions will appear here";

    private final QaService qa;
    private final ProgrammeService programme;
    private final LiveRefresh liveRefresh;
    private final List<SessionViewSection> sections;

    private long sessionId;
    private String pageTitle = "Stage";
    private @Nullable String shownKey;

    private final H1 title = new H1();
    private final Div onStage = new Div();
    private final Section nextSection = new Section();
    private final OrderedList next = new OrderedList();

    public StageView(QaService qa, QaLiveUpdates live, BoardPush push, ProgrammeService programme,
                     ObjectProvider<SessionViewSection> sections) {
        this.qa = qa;
        this.sections = SessionViewSection.on(SessionViewSection.View.STAGE, sections.orderedStream().toList());
        this.programme = programme;
        this.liveRefresh = new LiveRefresh(live, push::schedule, this::refresh);
        addClassName("cv-stage");
        title.addClassName("cv-stage-title");
        onStage.addClassName("cv-stage-current");
        // people following the stage with a screen reader hear the new question when the facilitator changes it
        onStage.getElement().setAttribute("aria-live", "polite");
        next.addClassName("cv-stage-next");
        nextSection.addClassName("cv-stage-next-section");
        nextSection.add(new H2("Next questions"), next);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        liveRefresh.stop();
        removeAll();
        shownKey = null;
        sessionId = 0;
        Optional<SessionDetail> session = programme.session(IdParameter.require(event, "id"));
        if (session.isEmpty()) {
            throw new NotFoundException("No such session");
        }
        sessionId = session.get().id();
        pageTitle = "Stage: " + session.get().title();
        title.setText(session.get().title());
        add(title, onStage, nextSection);
        ZoneId zone = session.get().conference().timeZone();
        sections.forEach(section -> section.create(sessionId, zone).ifPresent(this::add));
        show(qa.snapshot(sessionId));
        getUI().ifPresent(ui -> liveRefresh.start(ui, sessionId));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (sessionId > 0) {
            liveRefresh.start(attachEvent.getUI(), sessionId);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        liveRefresh.stop();
        super.onDetach(detachEvent);
    }

    private void refresh() {
        if (sessionId > 0) {
            show(qa.snapshot(sessionId));
        }
    }

    private void show(QaSnapshot snapshot) {
        Optional<QuestionView> pinned = snapshot.questions().stream().filter(QuestionView::pinned).findFirst();
        List<QuestionView> waiting = snapshot.questions().stream()
                .filter(q -> q.state() == QuestionState.APPROVED && !q.pinned())
                .sorted(Comparator.comparingInt(QuestionView::votes).reversed().thenComparing(QuestionView::askedAt))
                .limit(NEXT_COUNT)
                .toList();

        String key = pinned.map(q -> q.id() + ":" + q.text() + ":" + QuestionTexts.author(q)).orElse("");
        // rewritten only when the question changes, so the live region speaks once per question, not per vote
        if (!key.equals(shownKey)) {
            shownKey = key;
            onStage.removeAll();
            if (pinned.isPresent()) {
                Paragraph label = new Paragraph("On stage");
                label.addClassName("cv-stage-label");
                Paragraph text = new Paragraph(pinned.get().text());
                text.addClassName("cv-stage-question");
                Paragraph author = new Paragraph(QuestionTexts.author(pinned.get()));
                author.addClassName("cv-stage-author");
                onStage.add(label, text, author);
            } else {
                Paragraph empty = new Paragraph(EMPTY);
                empty.addClassName("cv-stage-empty");
                onStage.add(empty);
            }
        }

        next.removeAll();
        for (QuestionView q : waiting) {
            Div text = new Div(q.text());
            text.addClassName("cv-stage-next-text");
            Div votes = new Div(QuestionTexts.votes(q.votes()));
            votes.addClassName("cv-stage-votes");
            next.add(new ListItem(text, votes));
        }
        nextSection.setVisible(!waiting.isEmpty());
    }

    // ---- for tests ----------------------------------------------------------------------------------------

    String onStageText() {
        return onStage.getElement().getTextRecursively();
    }

    List<String> nextTexts() {
        return next.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }
}
