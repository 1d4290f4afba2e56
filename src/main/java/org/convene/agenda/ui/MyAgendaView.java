package org.convene.agenda.ui;

import org.convene.core.time.DateTexts;
import org.convene.programme.ui.ConferenceLinks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.annotation.security.PermitAll;
import org.convene.core.ui.MainLayout;
import org.convene.agenda.AgendaClash;
import org.convene.agenda.AgendaEntry;
import org.convene.agenda.AgendaNotice;
import org.convene.agenda.AgendaService;
import org.convene.agenda.PlaceNotice;
import org.convene.agenda.PlaceStatus;
import org.convene.agenda.RegistrationAnswer;
import org.convene.agenda.WaitingListEntry;
import org.convene.agenda.CalendarService;
import org.convene.materials.Material;
import org.convene.materials.MaterialsService;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * My agenda: what changed about the sessions I chose (cancelled or moved), the sessions themselves with
 * warnings where two overlap and their recordings afterwards, and a private calendar feed of them.
 */
@Route(value = "agenda", layout = MainLayout.class)
@PageTitle("My agenda")
@StyleSheet("styles/recordings.css")
@StyleSheet("styles/materials.css")
@PermitAll
public class MyAgendaView extends Div implements BeforeEnterObserver {

    private final AgendaService agenda;
    private final CalendarService calendars;
    private final MaterialsService materials;
    private final Clock clock;
    private final H1 heading = new H1("My agenda");
    private final Div status = new Div();
    private final Section notices = new Section();
    private final Div contributed = new Div();
    private final List<AgendaPageSection> sections;
    private final Section placeNotices = new Section();
    private final Section answers = new Section();
    private final Div content = new Div();
    private final Section waitingSection = new Section();
    private final Section feedSection = new Section();

    public MyAgendaView(AgendaService agenda, CalendarService calendars, MaterialsService materials, Clock clock,
                        ObjectProvider<AgendaPageSection> sections) {
        this.sections = sections.orderedStream().toList();
        this.agenda = agenda;
        this.calendars = calendars;
        this.materials = materials;
        this.clock = clock;
        addClassName("cv-agenda");
        heading.getElement().setAttribute("tabindex", "-1");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-status");
        notices.addClassName("cv-agenda-notices");
        placeNotices.addClassName("cv-agenda-notices");
        answers.addClassName("cv-agenda-notices");
        answers.setId("registration-answers");
        waitingSection.addClassName("cv-agenda-waiting");
        add(heading, status, placeNotices, answers, notices, contributed, content, waitingSection, feedSection);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        status.setText("");
        renderNotices();
        contributed.removeAll();
        sections.forEach(section -> section.create().ifPresent(contributed::add));
        renderPlaceNotices();
        renderAnswers();
        render();
        renderWaiting();
        renderFeed(null);
    }

    /** Changes since I added each session or last dismissed a notice about it; each stays until dismissed. */
    private void renderNotices() {
        notices.removeAll();
        List<AgendaNotice> unseen = agenda.myNotices();
        notices.setVisible(!unseen.isEmpty());
        if (unseen.isEmpty()) {
            return;
        }
        H2 title = new H2("Changes to your sessions");
        title.getElement().setAttribute("tabindex", "-1");
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-agenda-notice-list");
        for (AgendaNotice notice : unseen) {
            Anchor session = new Anchor(ConferenceLinks.session(notice.sessionId()), notice.title());
            session.getElement().setAttribute("router-link", "");
            Paragraph what = new Paragraph(noticeText(notice));
            what.addClassName("cv-agenda-notice-text");
            Button dismiss = new Button("Dismiss", e -> {
                agenda.dismiss(notice);
                renderNotices();
                status.setText("Dismissed the notice about “" + notice.title() + "”.");
                // the button is gone: keep keyboard focus nearby rather than at the top of the page
                (notices.isVisible() ? notices.getComponentAt(0) : heading).getElement().executeJs("this.focus()");
            });
            dismiss.getElement().setAttribute("aria-label", "Dismiss the notice about “" + notice.title() + "”");
            ListItem item = new ListItem(session, what, dismiss);
            item.addClassName("cv-agenda-notice");
            list.add(item);
        }
        notices.add(title, list);
    }

    /** Places I was given from a waiting list; each stays until dismissed. */
    private void renderPlaceNotices() {
        placeNotices.removeAll();
        List<PlaceNotice> given = agenda.myPlaceNotices();
        placeNotices.setVisible(!given.isEmpty());
        if (given.isEmpty()) {
            return;
        }
        H2 title = new H2("You have a place");
        title.getElement().setAttribute("tabindex", "-1");
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-agenda-notice-list");
        for (PlaceNotice notice : given) {
            Anchor session = new Anchor(ConferenceLinks.session(notice.sessionId()), notice.title());
            session.getElement().setAttribute("router-link", "");
            Paragraph what = new Paragraph("Someone gave up their place and you were next on the waiting list. "
                    + "The session is now on your agenda.");
            what.addClassName("cv-agenda-notice-text");
            Button dismiss = new Button("Dismiss", e -> {
                agenda.dismiss(notice);
                renderPlaceNotices();
                status.setText("Dismissed the notice about your place at “" + notice.title() + "”.");
                (placeNotices.isVisible() ? placeNotices.getComponentAt(0) : heading).getElement()
                        .executeJs("this.focus()");
            });
            dismiss.getElement().setAttribute("aria-label",
                    "Dismiss the notice about your place at “" + notice.title() + "”");
            ListItem item = new ListItem(session, what, dismiss);
            item.addClassName("cv-agenda-notice");
            list.add(item);
        }
        placeNotices.add(title, list);
    }

    /** The hosts' answers to my requests for a place (sessions that need approval); each stays until dismissed. */
    private void renderAnswers() {
        answers.removeAll();
        List<RegistrationAnswer> given = agenda.myRegistrationAnswers();
        answers.setVisible(!given.isEmpty());
        if (given.isEmpty()) {
            return;
        }
        H2 title = new H2("Answers to your requests for a place");
        title.getElement().setAttribute("tabindex", "-1");
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-agenda-notice-list");
        for (RegistrationAnswer answer : given) {
            Anchor session = new Anchor(ConferenceLinks.session(answer.sessionId()), answer.title());
            session.getElement().setAttribute("router-link", "");
            Paragraph what = new Paragraph(answer.approved()
                    ? "The hosts approved your request. You have a place, and the session is on your agenda."
                    : "The hosts could not give you a place this time.");
            what.addClassName("cv-agenda-notice-text");
            ListItem item = new ListItem(session, what);
            if (answer.message() != null) {
                Paragraph message = new Paragraph("Their message: " + answer.message());
                message.addClassName("cv-agenda-notice-text");
                item.add(message);
            }
            Button dismiss = new Button("Dismiss", e -> {
                agenda.dismiss(answer);
                renderAnswers();
                status.setText("Dismissed the answer about “" + answer.title() + "”.");
                (answers.isVisible() ? answers.getComponentAt(0) : heading).getElement().executeJs("this.focus()");
            });
            dismiss.getElement().setAttribute("aria-label", "Dismiss the answer about “" + answer.title() + "”");
            item.add(dismiss);
            item.addClassName("cv-agenda-notice");
            list.add(item);
        }
        answers.add(title, list);
    }

    /** Sessions I wait for a place at, apart from my agenda: they are not mine yet. */
    private void renderWaiting() {
        waitingSection.removeAll();
        List<WaitingListEntry> waiting = agenda.myWaitingList();
        waitingSection.setVisible(!waiting.isEmpty());
        if (waiting.isEmpty()) {
            return;
        }
        H2 title = new H2("Waiting lists you are on");
        title.getElement().setAttribute("tabindex", "-1");
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-agenda-list");
        for (WaitingListEntry entry : waiting) {
            Anchor session = new Anchor(ConferenceLinks.session(entry.sessionId()), entry.title());
            session.getElement().setAttribute("router-link", "");
            Paragraph when = new Paragraph(when(entry.startsAt(), entry.endsAt(), entry.zone()) + " ("
                    + DateTexts.zoneName(entry.zone()) + ")");
            Paragraph position = new Paragraph(PlaceStatus.positionText(entry.position()));
            Button leave = new Button("Leave the waiting list", e -> {
                agenda.leaveWaitingList(entry.sessionId());
                renderWaiting();
                status.setText("You have left the waiting list for “" + entry.title() + "”.");
                (waitingSection.isVisible() ? waitingSection.getComponentAt(0) : heading).getElement()
                        .executeJs("this.focus()");
            });
            leave.getElement().setAttribute("aria-label", "Leave the waiting list: " + entry.title());
            list.add(new ListItem(session, when, position, leave));
        }
        waitingSection.add(title,
                new Paragraph("If a place comes free, the first person waiting gets it and is told by email."), list);
    }

    /** "Cancelled: the speaker is unwell", "Moved: was Tuesday 24 November, 10am to 11am; now ... (UK time)". */
    static String noticeText(AgendaNotice notice) {
        String now = when(notice.nowStartsAt(), notice.nowEndsAt(), notice.zone());
        String zone = " (" + DateTexts.zoneName(notice.zone()) + ")";
        return switch (notice.kind()) {
            case CANCELLED -> notice.reason() == null ? "Cancelled." : "Cancelled: " + notice.reason();
            case MOVED -> "Moved: was " + when(notice.wasStartsAt(), notice.wasEndsAt(), notice.zone())
                    + "; now " + now + zone;
            case RESTORED -> "Back on: no longer cancelled"
                    + (notice.timeChanged() ? "; was " + when(notice.wasStartsAt(), notice.wasEndsAt(), notice.zone())
                    + ", now " + now : "; " + now) + zone;
        };
    }

    private static String when(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime localStart = start.atZone(zone);
        return DateTexts.dayWithoutYear(localStart.toLocalDate()) + ", "
                + DateTexts.timeRange(localStart, end.atZone(zone));
    }

    private void render() {
        content.removeAll();
        List<AgendaEntry> entries = agenda.myAgenda();
        if (entries.isEmpty()) {
            Anchor timetable = new Anchor("", "Browse the timetable");
            timetable.getElement().setAttribute("router-link", "");
            content.add(new Paragraph("You have not added any sessions yet."),
                    new Paragraph(timetable, new Span(" and choose “Add to my agenda” on the sessions you want to go to.")));
            return;
        }
        List<AgendaClash> clashes = AgendaService.clashes(entries);
        if (!clashes.isEmpty()) {
            content.add(clashWarning(clashes));
        }
        // one query for the published slides and handouts of every session listed
        Map<Long, List<Material>> materialsBySession = materials.publishedFor(
                entries.stream().map(AgendaEntry::sessionId).toList());
        Map<Long, List<AgendaEntry>> overlapsBySession = clashes.stream()
                .flatMap(c -> List.of(Map.entry(c.first().sessionId(), c.second()), Map.entry(c.second().sessionId(), c.first())).stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));

        // Group by conference, then by the day in that conference's own time zone.
        Map<String, List<AgendaEntry>> byConference = entries.stream()
                .collect(Collectors.groupingBy(AgendaEntry::conferenceSlug, LinkedHashMap::new, Collectors.toList()));
        for (List<AgendaEntry> conferenceEntries : byConference.values()) {
            AgendaEntry first = conferenceEntries.getFirst();
            Section section = new Section(new H2(first.conferenceName()),
                    new Paragraph("Times are in " + DateTexts.zoneName(first.conferenceZone()) + "."));
            Map<LocalDate, List<AgendaEntry>> byDay = conferenceEntries.stream()
                    .collect(Collectors.groupingBy(e -> e.startsAt().atZone(e.conferenceZone()).toLocalDate(),
                            LinkedHashMap::new, Collectors.toList()));
            byDay.forEach((day, dayEntries) -> {
                section.add(new H3(DateTexts.day(day)));
                UnorderedList list = new UnorderedList();
                list.addClassName("cv-agenda-list");
                dayEntries.forEach(e -> list.add(entryItem(e, overlapsBySession.getOrDefault(e.sessionId(), List.of()),
                        materialsBySession.getOrDefault(e.sessionId(), List.of()))));
                section.add(list);
            });
            content.add(section);
        }
    }

    private Div clashWarning(List<AgendaClash> clashes) {
        Div warning = new Div();
        warning.addClassName("cv-warning");
        warning.add(new H2("Some of your sessions overlap"));
        UnorderedList list = new UnorderedList();
        for (AgendaClash clash : clashes) {
            ZonedDateTime start = clash.second().startsAt().atZone(clash.second().conferenceZone());
            list.add(new ListItem("“" + clash.first().title() + "” and “" + clash.second().title()
                    + "” overlap on " + DateTexts.dayWithoutYear(start.toLocalDate()) + "."));
        }
        warning.add(list, new Paragraph("You can keep both, or remove one of them below."));
        return warning;
    }

    private ListItem entryItem(AgendaEntry entry, List<AgendaEntry> overlaps, List<Material> sessionMaterials) {
        ZonedDateTime start = entry.startsAt().atZone(entry.conferenceZone());
        ZonedDateTime end = entry.endsAt().atZone(entry.conferenceZone());
        Span time = new Span(DateTexts.timeRange(start, end));
        time.addClassName("cv-agenda-time");
        Anchor title = new Anchor(ConferenceLinks.session(entry.sessionId()), entry.title());
        title.getElement().setAttribute("router-link", "");
        title.addClassName("cv-agenda-title");
        ListItem item = new ListItem(time, title);
        if (entry.hostName() != null) {
            Span host = new Span("Hosted by " + entry.hostName());
            host.addClassName("cv-muted");
            item.add(host);
        }
        if (entry.cancelled()) {
            Span cancelled = new Span("Cancelled" + (entry.cancellationReason() == null ? ""
                    : ": " + entry.cancellationReason()));
            cancelled.addClassName("cv-agenda-cancelled");
            item.add(cancelled);
        }
        if (entry.recordingUrl() != null && !entry.cancelled() && !clock.instant().isBefore(entry.endsAt())) {
            Anchor recording = new Anchor(entry.recordingUrl(), "Watch the recording");
            recording.getElement().setAttribute("router-ignore", "");
            recording.getElement().setAttribute("aria-label", "Watch the recording of “" + entry.title() + "”");
            recording.addClassName("cv-agenda-recording");
            item.add(recording);
        }
        if (!sessionMaterials.isEmpty()) {
            item.add(materialLinks(entry, sessionMaterials));
        }
        if (!overlaps.isEmpty()) {
            Span overlap = new Span("Overlaps with " + overlaps.stream().map(o -> "“" + o.title() + "”")
                    .collect(Collectors.joining(" and ")));
            overlap.addClassName("cv-overlap");
            item.add(overlap);
        }
        Anchor ics = new Anchor("calendar/sessions/" + entry.sessionId() + ".ics", "Add to calendar (.ics)");
        ics.getElement().setAttribute("router-ignore", "");
        ics.getElement().setAttribute("aria-label", "Add “" + entry.title() + "” to your calendar (.ics file)");
        Button remove = new Button("Remove", e -> {
            agenda.remove(entry.sessionId());
            renderNotices();
            render();
            status.setText("Removed “" + entry.title() + "” from your agenda.");
        });
        remove.getElement().setAttribute("aria-label", "Remove “" + entry.title() + "” from my agenda");
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        Div actions = new Div(ics, remove);
        actions.addClassName("cv-agenda-actions");
        item.add(actions);
        item.addClassName("cv-agenda-item");
        return item;
    }

    /** "Slides and handouts: Slides (PDF, 2.1 MB), Easy read version (web page)"; each link names its session. */
    private static Div materialLinks(AgendaEntry entry, List<Material> sessionMaterials) {
        Div links = new Div(new Span("Slides and handouts: "));
        links.addClassName("cv-agenda-materials");
        for (int i = 0; i < sessionMaterials.size(); i++) {
            Material material = sessionMaterials.get(i);
            // a file is served by Spring MVC (relative to the app, like every link here), a web address as given
            Anchor link = new Anchor(material.isFile() ? material.href().substring(1) : material.href(),
                    material.title() + " (" + (material.isFile() ? material.formatInWords() : "web page") + ")");
            link.getElement().setAttribute("router-ignore", "");
            link.getElement().setAttribute("aria-label", material.kind().label() + " for “" + entry.title() + "”: "
                    + material.title() + " (" + (material.isFile() ? material.formatInWords() : "web page") + ")");
            if (material.isFile()) {
                link.getElement().setAttribute("download", "");
            }
            if (i > 0) {
                links.add(new Span(", "));
            }
            links.add(link);
        }
        return links;
    }

    /** @param newToken a token just made, shown this once; null when none was just made */
    private void renderFeed(@Nullable String newToken) {
        feedSection.removeAll();
        feedSection.add(new H2("See your agenda in your calendar app"),
                new Paragraph("Your calendar app (Outlook, Google Calendar, Apple Calendar) can subscribe to a private "
                        + "address that always shows your agenda, including any changes to your sessions."));
        if (newToken != null) {
            TextField address = new TextField("Your private calendar address");
            address.setValue(calendars.feedAddress(newToken));
            address.setReadOnly(true);
            address.setWidthFull();
            address.setId("feed-address");
            address.setHelperText("Copy it into your calendar app’s “subscribe” or “add from URL” option. "
                    + "It is shown only now: if you lose it, make a new one.");
            feedSection.add(address);
            feedSection.add(new Paragraph("Keep this address to yourself: anyone who has it can see your agenda."));
        }
        boolean hasFeed = newToken != null || calendars.hasFeed();
        if (hasFeed) {
            Button renew = new Button("Make a new address", e -> {
                String token = calendars.renewFeed();
                renderFeed(token);
                status.setText("Made a new calendar address. The old one no longer works.");
            });
            Button revoke = new Button("Stop the address", e -> {
                calendars.revokeFeed();
                renderFeed(null);
                status.setText("Your calendar address has stopped working.");
            });
            revoke.addThemeVariants(ButtonVariant.ERROR);
            if (newToken == null) {
                feedSection.add(new Paragraph("You have a calendar address. For safety it is not shown again. "
                        + "Make a new address if you need it (the old one stops working), or stop it."));
            }
            Div actions = new Div(renew, revoke);
            actions.addClassName("cv-button-row");
            feedSection.add(actions);
        } else {
            Button create = new Button("Make my calendar address", e -> {
                String token = calendars.renewFeed();
                renderFeed(token);
                status.setText("Made your private calendar address.");
            });
            create.addThemeVariants(ButtonVariant.PRIMARY);
            feedSection.add(create);
        }
    }

}
