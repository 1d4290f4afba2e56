package org.convene.timetable.ui;

import org.convene.core.time.ZoneTexts;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.programme.AccessFeature;
import org.convene.timetable.TimetableEntry;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** One session on the timetable: a list item with a heading link, its time, who runs it and its access. */
class SessionCard extends ListItem {

    enum Marker {
        NONE(""),
        HAPPENING_NOW("Happening now"),
        NEXT_UP("Next up");

        private final String text;

        Marker(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final TimetableEntry entry;
    private final Span marker = new Span();
    private Marker current = Marker.NONE;

    SessionCard(TimetableEntry entry, ZoneId zone, LocalDate conferenceDay, String sessionHref,
                @Nullable AgendaToggle toggle) {
        this.entry = entry;
        addClassName("cv-tt-card");

        Anchor title = new Anchor(sessionHref, entry.title());
        title.getElement().setAttribute("router-link", "");
        H4 heading = new H4(title);
        heading.addClassName("cv-tt-card-title");

        marker.addClassName("cv-badge");
        marker.setVisible(false);

        Paragraph when = new Paragraph(ZoneTexts.rangeOnDay(entry.startsAt(), entry.endsAt(), zone, conferenceDay));
        when.addClassName("cv-tt-when");

        Paragraph format = new Paragraph(entry.format().label()
                + (entry.track() == null ? "" : ", " + entry.track().name() + " track"));
        format.addClassName("cv-tt-format");

        add(heading, marker);
        if (entry.cancelled()) {
            // words, not a struck-through title: strike-through is not read out and is hard to see
            Paragraph cancelled = new Paragraph("Cancelled" + (entry.cancellationReason() == null ? ""
                    : ": " + entry.cancellationReason()));
            cancelled.addClassName("cv-tt-cancelled");
            add(cancelled);
            addClassName("cv-tt-card--cancelled");
        }
        add(when, format);
        if (entry.host() != null) {
            add(line("Hosted by " + entry.host().name()));
        }
        if (!entry.facilitators().isEmpty()) {
            add(line("Facilitated by " + names(entry.facilitators())));
        }
        if (!entry.speakers().isEmpty()) {
            add(line((entry.speakers().size() == 1 ? "Speaker: " : "Speakers: ") + names(entry.speakers())));
        }
        boolean showRecording = entry.hasRecording() && !entry.cancelled();
        if (!entry.access().isEmpty() || showRecording) {
            UnorderedList badges = new UnorderedList();
            badges.addClassName("cv-tt-badges");
            badges.getElement().setAttribute("aria-label", "Access and extras");
            for (AccessFeature feature : AccessFeature.values()) {
                if (entry.access().contains(feature)) {
                    badges.add(badge(feature.badge(), "cv-badge--access"));
                }
            }
            if (showRecording) {
                badges.add(badge("Recording available", "cv-badge--recording"));
            }
            add(badges);
        }
        if (toggle != null) {
            add(toggle);
        }
    }

    TimetableEntry entry() {
        return entry;
    }

    Marker marker() {
        return current;
    }

    void setMarker(Marker value) {
        current = value;
        marker.setText(value.text());
        marker.setVisible(value != Marker.NONE);
        marker.getElement().getClassList().set("cv-badge--now", value == Marker.HAPPENING_NOW);
        marker.getElement().getClassList().set("cv-badge--next", value == Marker.NEXT_UP);
        getElement().getClassList().set("cv-tt-card--now", value == Marker.HAPPENING_NOW);
    }

    private static Paragraph line(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("cv-tt-line");
        return paragraph;
    }

    private static ListItem badge(String text, String variant) {
        ListItem item = new ListItem(text);
        item.addClassNames("cv-badge", variant);
        return item;
    }

    /** "Ann", "Ann and Bo", "Ann, Bo and Cy". */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
