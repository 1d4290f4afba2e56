package org.convene.captions.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.captions.CaptionLimits;
import org.convene.captions.CaptionLine;
import org.convene.captions.CaptionLive;
import org.convene.captions.CaptionPage;
import org.convene.captions.CaptionPreferences;
import org.convene.captions.CaptionService;
import org.convene.captions.CaptionUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caption pane of a session (session page and stage view): closed until the reader opens it, then the latest
 * lines, updated live, with scroll-back, pause and the reader's display choices. The lines are not a live region
 * (a screen reader would read every revision); the reader may choose to have each new final line announced
 * politely instead. A prototype bean: each page gets its own and calls {@link #show}.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@StyleSheet("styles/captions.css")
public class CaptionPane extends Section {

    /** Lines kept on the page while live lines arrive; older ones come back with "Show earlier lines". */
    static final int MAX_SHOWN = 4 * CaptionLimits.PAGE;
    /** Updates a paused pane keeps; beyond this, resuming reads the latest lines afresh. */
    static final int MAX_QUEUED = 2_000;

    private final CaptionService captions;
    private final CaptionPush push;

    private final Button toggle = new Button("Show live captions");
    private final Div body = new Div();
    private final Checkbox largeText = new Checkbox("Larger text");
    private final Checkbox spacious = new Checkbox("More space between lines");
    private final Checkbox highContrast = new Checkbox("High contrast (light text on black)");
    private final Checkbox announce = new Checkbox("Read out each new finished line (for screen readers)");
    private final Button pause = new Button("Pause");
    private final Paragraph pauseStatus = new Paragraph();
    private final Button earlier = new Button("Show earlier lines");
    private final Div lines = new Div();
    private final Paragraph empty = new Paragraph("No captions yet. They appear here when the captioner starts.");
    private final Div announcer = new Div();
    private final TreeMap<Long, Paragraph> shown = new TreeMap<>();
    private final List<CaptionUpdate> queued = new ArrayList<>();

    private long sessionId;
    private long lastChange;
    private boolean paused;
    private boolean rereadOnResume;
    private boolean opened;
    private CaptionLive.@Nullable Registration watching;

    CaptionPane(CaptionService captions, CaptionPush push) {
        this.captions = captions;
        this.push = push;
        addClassName("cv-captions");
    }

    /** Fills the pane for one session; the lines are read when the reader opens it. */
    public CaptionPane show(long sessionId) {
        this.sessionId = sessionId;
        String bodyId = "captions-body-" + sessionId;
        setId("captions");
        H2 heading = new H2("Live captions");
        heading.setId("captions-heading-" + sessionId);
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        String cart = captions.cartUrl(sessionId);
        if (cart != null) {
            Anchor link = new Anchor(cart, "Open the captioner's live text page (opens in a new tab)");
            link.setTarget(AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener");
            link.setId("captions-cart-link");
            add(new Paragraph(new com.vaadin.flow.component.Text("The captions are also on a separate page: "), link));
        }
        toggle.setId("captions-toggle");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.getElement().setAttribute("aria-controls", bodyId);
        toggle.addClickListener(e -> setOpen(!opened));
        body.setId(bodyId);
        body.setVisible(false);
        add(toggle, body);
        return this;
    }

    private void setOpen(boolean open) {
        opened = open;
        toggle.setText(open ? "Hide live captions" : "Show live captions");
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        if (open && body.getChildren().findAny().isEmpty()) {
            build();
        }
        body.setVisible(open);
        if (open) {
            getUI().ifPresent(this::startWatching);
            reloadLatest();
        } else {
            stopWatching();
        }
    }

    private void build() {
        Div choices = new Div(largeText, spacious, highContrast, announce);
        choices.addClassName("cv-captions-choices");
        choices.getElement().setAttribute("role", "group");
        choices.getElement().setAttribute("aria-label", "How captions look");
        CaptionPreferences prefs = captions.preferences();
        largeText.setValue(prefs.largeText());
        spacious.setValue(prefs.spacious());
        highContrast.setValue(prefs.highContrast());
        announce.setValue(prefs.announce());
        for (Checkbox box : List.of(largeText, spacious, highContrast, announce)) {
            box.addValueChangeListener(e -> choose());
        }
        largeText.setId("captions-large");
        spacious.setId("captions-spacious");
        highContrast.setId("captions-contrast");
        announce.setId("captions-announce");
        pause.setId("captions-pause");
        pause.addClickListener(e -> setPaused(!paused));
        pauseStatus.setId("captions-pause-status");
        pauseStatus.setVisible(false);
        earlier.setId("captions-earlier");
        earlier.addClickListener(e -> showEarlier());
        lines.setId("captions-lines-" + sessionId);
        lines.addClassName("cv-captions-lines");
        // a scrolling box must be reachable by keyboard (arrow keys scroll it); it is not a live region
        lines.getElement().setAttribute("tabindex", "0");
        lines.getElement().setAttribute("role", "region");
        lines.getElement().setAttribute("aria-label", "Captions so far");
        announcer.addClassName("cv-visually-hidden");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.setId("captions-announcer");
        Div controls = new Div(pause, pauseStatus);
        controls.addClassName("cv-captions-controls");
        body.add(choices, controls, earlier, lines, announcer);
        applyLook();
    }

    private void choose() {
        applyLook();
        captions.savePreferences(new CaptionPreferences(largeText.getValue(), spacious.getValue(),
                highContrast.getValue(), announce.getValue()));
        if (!announce.getValue()) {
            announcer.setText("");
        }
    }

    private void applyLook() {
        lines.setClassName("cv-captions-large", largeText.getValue());
        lines.setClassName("cv-captions-spacious", spacious.getValue());
        lines.setClassName("cv-captions-contrast", highContrast.getValue());
    }

    // ---- lines ------------------------------------------------------------------------------------------------

    private void reloadLatest() {
        CaptionPage page = captions.latest(sessionId);
        shown.clear();
        lines.removeAll();
        lastChange = page.lastChange();
        page.lines().forEach(this::put);
        earlier.setVisible(page.hasEarlier());
        refreshEmpty();
        scrollToEnd();
    }

    private void showEarlier() {
        if (shown.isEmpty()) {
            return;
        }
        CaptionPage page = captions.earlier(sessionId, shown.firstKey());
        List<CaptionLine> older = page.lines();
        for (int i = older.size() - 1; i >= 0; i--) {
            CaptionLine line = older.get(i);
            Paragraph p = paragraph(line);
            shown.put(line.line(), p);
            lines.addComponentAsFirst(p);
        }
        earlier.setVisible(page.hasEarlier());
        if (!page.hasEarlier()) {
            lines.getElement().callJsFunction("focus");
        }
    }

    /** Applies one live update, unless paused (then it waits, counted). */
    void apply(CaptionUpdate update) {
        if (paused) {
            if (queued.size() < MAX_QUEUED) {
                queued.add(update);
            } else {
                rereadOnResume = true;
            }
            showWaiting();
            return;
        }
        if (update.reread()) {
            reloadLatest();
            return;
        }
        List<String> finished = new ArrayList<>();
        for (CaptionLine line : update.lines()) {
            if (line.change() <= lastChange) {
                continue; // already in what the pane read
            }
            Paragraph before = shown.get(line.line());
            boolean wasFinal = before != null && before.hasClassName("cv-caption-final");
            put(line);
            lastChange = line.change();
            if (line.isFinal() && !wasFinal) {
                finished.add(line.text());
            }
        }
        while (shown.size() > MAX_SHOWN) {
            lines.remove(shown.pollFirstEntry().getValue());
            earlier.setVisible(true);
        }
        if (announce.getValue() && !finished.isEmpty()) {
            announcer.setText(String.join(" ", finished));
        }
        refreshEmpty();
        scrollToEnd();
    }

    private void put(CaptionLine line) {
        Paragraph existing = shown.get(line.line());
        if (existing != null) {
            existing.setText(line.text());
            existing.setClassName("cv-caption-final", line.isFinal());
            return;
        }
        Paragraph p = paragraph(line);
        Map.Entry<Long, Paragraph> next = shown.higherEntry(line.line());
        shown.put(line.line(), p);
        if (next == null) {
            lines.add(p);
        } else {
            lines.addComponentAtIndex(lines.indexOf(next.getValue()), p);
        }
    }

    private static Paragraph paragraph(CaptionLine line) {
        Paragraph p = new Paragraph(line.text());
        p.addClassName("cv-caption");
        p.setClassName("cv-caption-final", line.isFinal());
        return p;
    }

    private void refreshEmpty() {
        if (shown.isEmpty() && empty.getParent().isEmpty()) {
            lines.add(empty);
        } else if (!shown.isEmpty()) {
            lines.remove(empty);
        }
    }

    private void scrollToEnd() {
        lines.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    // ---- pause ------------------------------------------------------------------------------------------------

    private void setPaused(boolean pausing) {
        paused = pausing;
        pause.setText(pausing ? "Resume" : "Pause");
        if (pausing) {
            showWaiting();
            return;
        }
        pauseStatus.setVisible(false);
        List<CaptionUpdate> waiting = List.copyOf(queued);
        queued.clear();
        if (rereadOnResume) {
            rereadOnResume = false;
            reloadLatest();
        } else {
            waiting.forEach(this::apply);
        }
    }

    private void showWaiting() {
        long count = queued.stream().flatMap(u -> u.lines().stream()).map(CaptionLine::line)
                .filter(line -> !shown.containsKey(line)).distinct().count();
        pauseStatus.setText("Paused. " + (count == 1 ? "1 new line is" : count + " new lines are")
                + " waiting. Choose Resume to show them.");
        pauseStatus.setVisible(true);
    }

    // ---- live updates -----------------------------------------------------------------------------------------

    private void startWatching(UI ui) {
        if (watching == null && opened && sessionId > 0) {
            watching = push.attach(ui, sessionId, this::apply);
        }
    }

    private void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (opened) {
            startWatching(attachEvent.getUI());
            reloadLatest();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
        super.onDetach(detachEvent);
    }

    /** For tests: how many lines are on the page. */
    int shownCount() {
        return shown.size();
    }
}
