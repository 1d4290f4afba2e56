package org.convene.accesshelp.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.accesshelp.AccessHelpFeed;
import org.convene.accesshelp.HelpKind;
import org.convene.accesshelp.HelpNote;
import org.convene.accesshelp.HelpSummary;
import org.convene.core.ui.PoliteStatus;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The top of the moderation page: how many attendees asked for each kind of help in the last few minutes, and
 * their "Something else" notes, kept current while the page is open and announced politely when a count goes up.
 */
@StyleSheet("styles/access-help.css")
final class HelpCounts extends Section {

    /** Starts the shared live feed for this page; the section does it, as only it talks to services. */
    @FunctionalInterface
    interface Subscriber {
        AccessHelpFeed.Registration subscribe(Consumer<HelpSummary> listener);
    }

    private final Subscriber subscriber;
    private final ZoneId zone;
    private final Div body = new Div();
    private final PoliteStatus liveRegion = new PoliteStatus();
    private @Nullable HelpSummary shown;
    private AccessHelpFeed.@Nullable Registration registration;

    HelpCounts(HelpSummary first, ZoneId zone, Subscriber subscriber) {
        this.subscriber = subscriber;
        this.zone = zone;
        setId("access-help-counts");
        addClassName("cv-help-counts");
        H2 heading = new H2("Access help from attendees");
        heading.setId("access-help-counts-heading");
        getElement().setAttribute("aria-labelledby", "access-help-counts-heading");
        liveRegion.addClassName("cv-visually-hidden");
        liveRegion.setId("access-help-announcer");
        liveRegion.getElement().setAttribute("aria-atomic", "true");
        add(heading, new Paragraph("What attendees told you privately in the last " + HelpTexts.windowMinutes()
                + ". Names are not shown. This updates by itself."), body, liveRegion);
        show(first, false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        registration = subscriber.subscribe(summary -> {
            try {
                ui.access(() -> show(summary, true));
            } catch (UIDetachedException e) {
                // the page has gone without a detach event: it is dropped when the detach arrives
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        AccessHelpFeed.Registration current = registration;
        registration = null;
        if (current != null) {
            current.close();
        }
    }

    void show(HelpSummary summary, boolean announce) {
        if (shown != null && summary.readAt().isBefore(shown.readAt())) {
            return; // an older read that arrived late
        }
        if (announce) {
            HelpChanges.announcement(shown, summary).ifPresent(liveRegion::setText);
        }
        shown = summary;
        body.removeAll();
        if (summary.total() == 0) {
            body.add(new Paragraph("Nobody has asked for help in the last " + HelpTexts.windowMinutes() + "."));
        } else {
            UnorderedList counts = new UnorderedList();
            counts.setId("access-help-count-list");
            for (HelpKind kind : HelpKind.values()) {
                int count = summary.count(kind);
                if (count > 0) {
                    ListItem item = new ListItem(kind.label() + ": " + count);
                    item.addClassName("cv-help-count");
                    counts.add(item);
                }
            }
            body.add(counts);
        }
        if (!summary.notes().isEmpty()) {
            UnorderedList notes = new UnorderedList();
            notes.setId("access-help-notes");
            for (HelpNote note : summary.notes()) {
                notes.add(new ListItem(HelpTexts.time(note.sentAt(), zone) + ": " + note.text()));
            }
            body.add(new H3("Their notes, newest first"), notes);
        }
    }

    String announced() {
        return liveRegion.getText();
    }
}
