package org.convene.timetable.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.programme.ui.ConferenceLinks;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.MainLayout;
import org.convene.core.ui.PagePolling;
import org.convene.agenda.AgendaService;
import org.convene.agenda.PlaceStatus;
import org.convene.programme.ConferenceDetail;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionFormat;
import org.convene.timetable.TimetableEntry;
import org.convene.timetable.TimetableService;
import org.convene.timetable.TimetableFilter;
import org.convene.programme.TrackRef;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A conference's public timetable: one page per conference day (chosen with {@link DayLinks}), sessions grouped into time slots
 * (side by side on wide screens, stacked on a phone), filters, "happening now" and "next up" markers,
 * and a switch between the conference's time zone and the reader's own.
 * <p>
 * Everything the reader chooses lives in the URL (see {@link TimetableParams}): every change navigates,
 * and because Vaadin reuses this view for the same conference, the controls stay where they are (and keep
 * focus) while only the list is redrawn.
 */
@Route(value = "conferences/:slug", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/timetable.css")
@StyleSheet("styles/recordings.css")
public class TimetableView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_INTERVAL_MILLIS = 30_000;

    private final ProgrammeService programme;
    private final TimetableService timetables;
    private final AgendaService agenda;
    private final CurrentUser currentUser;
    private final Clock clock;

    private @Nullable ConferenceDetail conference;
    private @Nullable TimetableParams params;
    private @Nullable LocalDate day;
    private @Nullable ZoneId zone;
    private @Nullable ZoneId browserZone;
    private boolean rendered;
    private boolean updatingControls;
    private boolean focusNowAfterRender;
    private String pageTitle = "Timetable";

    private final Div status = new Div();
    private final TimeZoneSwitch zoneSwitch = new TimeZoneSwitch();
    private final Button jumpToNow = new Button("Jump to now");
    private final DayLinks dayLinks = new DayLinks();
    private final Div dayPanel = new Div();
    private final TimetableFilters filters = new TimetableFilters();
    private final List<SessionCard> cards = new ArrayList<>();
    private final Map<Instant, Section> slots = new LinkedHashMap<>();

    public TimetableView(ProgrammeService programme, TimetableService timetables, AgendaService agenda,
                         CurrentUser currentUser, Clock clock) {
        this.programme = programme;
        this.timetables = timetables;
        PagePolling.every(this, POLL_INTERVAL_MILLIS, this::refreshMarkers);
        this.agenda = agenda;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassName("cv-timetable");

        status.setId("timetable-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-tt-status");

        zoneSwitch.addSwitchListener(e -> navigate(params().withZone(
                e.viewersZone() ? ZoneChoice.BROWSER : ZoneChoice.CONFERENCE)));
        jumpToNow.addClassName("cv-tt-jump");
        jumpToNow.addClickListener(e -> jumpToNow());

        filters.addFiltersListener(e -> {
            if (!updatingControls) {
                navigate(e.applyTo(params()));
            }
        });
        dayPanel.addClassName("cv-tt-day");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        if (conference == null || !conference.summary().slug().equals(slug)) {
            Optional<ConferenceDetail> found = programme.conferenceDetail(slug);
            if (found.isEmpty()) {
                throw new NotFoundException("No such conference");
            }
            build(found.get());
        }
        apply(TimetableParams.from(event.getLocation().getQueryParameters()));
    }

    private void build(ConferenceDetail detail) {
        conference = detail;
        browserZone = null;
        ConferenceSummary summary = detail.summary();
        pageTitle = "Timetable: " + summary.name();
        removeAll();

        Div intro = new Div(new H1(summary.name()));
        intro.addClassName("cv-tt-intro");
        if (summary.theme() != null && !summary.theme().isBlank()) {
            intro.add(new Paragraph("Theme: " + summary.theme()));
        }
        intro.add(new Paragraph(DateTexts.dayRange(summary.firstDay(), summary.lastDay())));
        if (detail.description() != null && !detail.description().isBlank()) {
            Paragraph description = new Paragraph(detail.description());
            description.addClassName("cv-lead");
            intro.add(description);
        }
        add(intro);

        if (currentUser.get().isEmpty()) {
            Anchor login = new Anchor("login", "Log in to plan your week");
            login.getElement().setAttribute("router-link", "");
            Paragraph hint = new Paragraph(login, new Span(
                    ": you can then add sessions to your own agenda."));
            hint.addClassName("cv-tt-login-hint");
            add(hint);
        }

        Div tools = new Div(zoneSwitch, jumpToNow);
        tools.addClassName("cv-tt-tools");
        add(tools);

        filters.offer(detail);
        add(filters, status);

        dayLinks.setDays(detail.days());
        add(dayLinks, dayPanel);
    }

    /** Brings the controls in line with the URL, then redraws the day. */
    private void apply(TimetableParams requested) {
        ConferenceSummary summary = conference().summary();
        LocalDate requestedDay = requested.day();
        day = requestedDay != null && dayLinks.has(requestedDay) ? requestedDay : defaultDay(summary);
        // Drop ids this conference does not have, so the controls and the query always agree.
        Set<Long> trackIds = conference().tracks().stream().map(TrackRef::id)
                .filter(requested.tracks()::contains).collect(Collectors.toSet());
        Set<Long> hostIds = conference().hosts().stream().map(HostRef::id)
                .filter(requested.hosts()::contains).collect(Collectors.toSet());
        Set<SessionFormat> formats = conference().formats().stream().filter(requested.formats()::contains)
                .collect(Collectors.toSet());
        params = requested.withFilters(trackIds, formats, hostIds, requested.access(), requested.text());

        updatingControls = true;
        try {
            filters.show(params, conference());
        } finally {
            updatingControls = false;
        }
        jumpToNow.setVisible(summary.isRunning(clock));

        rendered = false;
        if (params.zone().kind() == ZoneChoice.Kind.LOCAL && browserZone == null) {
            // Answers at once when the browser has already sent its details, else after a round trip.
            UI.getCurrent().getPage().retrieveExtendedClientDetails(this::browserDetailsArrived);
        }
        render();
        rendered = true;
    }

    private void browserDetailsArrived(ExtendedClientDetails details) {
        browserZone = ZoneChoice.zoneId(details.getTimeZoneId()).orElse(null);
        if (rendered && params().zone().kind() == ZoneChoice.Kind.LOCAL) {
            render();
        }
    }

    private LocalDate defaultDay(ConferenceSummary summary) {
        return summary.isRunning(clock) ? summary.today(clock) : summary.firstDay();
    }

    private void render() {
        ConferenceSummary summary = conference().summary();
        boolean viewersOwnZone = false;
        zone = summary.timeZone();
        switch (params().zone().kind()) {
            case EXPLICIT -> zone = params().zone().explicitZone();
            case LOCAL -> {
                if (browserZone != null) {
                    zone = browserZone;
                    viewersOwnZone = true;
                }
            }
            case CONFERENCE -> { }
        }
        zoneSwitch.show(zone(), viewersOwnZone, !params().zone().isConferenceZone());

        TimetableFilter filter = params().filter(day());
        List<TimetableEntry> entries = timetables.timetable(summary, filter);
        Map<LocalDate, Integer> matches = params().isNarrowed() ? timetables.matchesPerDay(summary, filter) : Map.of();
        boolean signedIn = currentUser.get().isPresent();
        Map<Long, PlaceStatus> mine = signedIn ? agenda.placeStatuses(entries.stream().map(TimetableEntry::id).toList())
                : Map.of();

        LocalDate today = summary.isRunning(clock) ? summary.today(clock) : null;
        dayLinks.show(conference().days().stream().map(date -> {
            String label = DateTexts.dayWithoutYear(date) + (date.equals(today) ? " (today)" : "");
            if (params().isNarrowed()) {
                int count = matches.getOrDefault(date, 0);
                label += ", " + count + (count == 1 ? " match" : " matches");
            }
            return new DayLinks.Day(date, label, address(params().withDay(date)), date.equals(day));
        }).toList());

        Div panel = dayPanel;
        panel.removeAll();
        cards.clear();
        slots.clear();
        String dayText = DateTexts.dayWithoutYear(day());
        panel.add(new H2("Sessions on " + dayText));

        if (entries.isEmpty()) {
            panel.add(noSessions(matches));
        } else {
            Map<Instant, List<TimetableEntry>> bySlot = entries.stream()
                    .collect(Collectors.groupingBy(TimetableEntry::startsAt, LinkedHashMap::new, Collectors.toList()));
            bySlot.forEach((start, slotEntries) -> panel.add(slot(start, slotEntries, signedIn, mine)));
        }

        int count = entries.size();
        String sessions = count == 1 ? "1 session" : count + " sessions";
        if (params().isNarrowed()) {
            status.setText(count == 0 ? "No sessions match on " + dayText + "."
                    : sessions + (count == 1 ? " matches" : " match") + " on " + dayText + ".");
        } else {
            status.setText((count == 0 ? "No sessions" : sessions) + " on " + dayText + ".");
        }
        refreshMarkers();
        if (focusNowAfterRender) {
            focusNowAfterRender = false;
            focusNow();
        }
    }

    private Div noSessions(Map<LocalDate, Integer> matches) {
        Div message = new Div();
        message.addClassName("cv-tt-empty");
        if (!params().isNarrowed()) {
            message.add(new Paragraph("There are no sessions on this day."));
            return message;
        }
        message.add(new Paragraph("No sessions on " + DateTexts.dayWithoutYear(day()) + " match your filters."));
        List<LocalDate> otherDays = matches.entrySet().stream()
                .filter(e -> e.getValue() > 0 && dayLinks.has(e.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!otherDays.isEmpty()) {
            message.add(new Paragraph("Sessions on other days match:"));
            UnorderedList list = new UnorderedList();
            for (LocalDate other : otherDays) {
                int n = Objects.requireNonNull(matches.get(other), "other days are keys of matches");
                Anchor link = new Anchor(address(params().withDay(other)),
                        DateTexts.dayWithoutYear(other) + " (" + n + (n == 1 ? " session)" : " sessions)"));
                link.getElement().setAttribute("router-link", "");
                list.add(new ListItem(link));
            }
            message.add(list);
        }
        Button clear = new Button("Clear filters", e -> navigate(params().withoutFilters()));
        message.add(new Paragraph("Try removing a filter, or clear them all to see every session."), clear);
        return message;
    }

    private Section slot(Instant start, List<TimetableEntry> entries, boolean signedIn,
                         Map<Long, PlaceStatus> mine) {
        Section section = new Section();
        section.addClassName("cv-tt-slot");
        H3 heading = new H3(ZoneTexts.timeOnDay(start, zone(), day()));
        heading.setId("slot-" + start.getEpochSecond());
        heading.getElement().setAttribute("tabindex", "-1");
        heading.addClassName("cv-tt-slot-time");
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-tt-cards");
        String tz = params().zone().parameterValue();
        for (TimetableEntry entry : entries) {
            AgendaToggle toggle = null;
            if (signedIn) {
                toggle = new AgendaToggle(entry.id(), entry.title(),
                        mine.getOrDefault(entry.id(), PlaceStatus.UNKNOWN).state());
                toggle.addToggleListener(this::toggleAgenda);
            }
            String href = ConferenceLinks.session(entry.id()) + (tz == null ? "" : "?" + ZoneChoice.PARAMETER + "=" + tz);
            SessionCard card = new SessionCard(entry, zone(), day(), href, toggle);
            cards.add(card);
            list.add(card);
        }
        section.add(heading, list);
        slots.put(start, section);
        return section;
    }

    private void toggleAgenda(AgendaToggle.ToggleEvent event) {
        status.setText(AgendaToggling.handle(agenda, event));
    }

    /**
     * Marks sessions on now and the next slot to start. "Next up" is only shown on today's page: on other
     * days it would point at a time that is not next.
     */
    private void refreshMarkers() {
        if (conference == null) {
            return;
        }
        Instant now = clock.instant();
        boolean showingToday = conference.summary().isRunning(clock) && day().equals(conference.summary().today(clock));
        // a cancelled session is neither happening now nor next up
        Instant nextStart = showingToday ? cards.stream().filter(c -> !c.entry().cancelled())
                .map(c -> c.entry().startsAt())
                .filter(start -> start.isAfter(now)).min(Instant::compareTo).orElse(null) : null;
        for (SessionCard card : cards) {
            TimetableEntry entry = card.entry();
            card.setMarker(entry.cancelled() ? SessionCard.Marker.NONE
                    : entry.isOnAt(now) ? SessionCard.Marker.HAPPENING_NOW
                    : entry.startsAt().equals(nextStart) ? SessionCard.Marker.NEXT_UP : SessionCard.Marker.NONE);
        }
        slots.forEach((start, section) -> section.getElement().getClassList().set("cv-tt-slot--current",
                start.equals(nowTarget())));
    }

    /** The slot to jump to: the first with a session on now, else the next to start. */
    private @Nullable Instant nowTarget() {
        return cards.stream().filter(c -> c.marker() == SessionCard.Marker.HAPPENING_NOW).findFirst()
                .or(() -> cards.stream().filter(c -> c.marker() == SessionCard.Marker.NEXT_UP).findFirst())
                .map(c -> c.entry().startsAt()).orElse(null);
    }

    private void jumpToNow() {
        LocalDate today = conference().summary().today(clock);
        if (!dayLinks.has(today)) {
            return;
        }
        if (!today.equals(day)) {
            focusNowAfterRender = true;
            navigate(params().withDay(today));
        } else {
            focusNow();
        }
    }

    private void focusNow() {
        refreshMarkers();
        Instant target = nowTarget();
        if (target == null) {
            status.setText("Nothing else is on today" + (params().isNarrowed() ? " that matches your filters." : "."));
            return;
        }
        Section section = Objects.requireNonNull(slots.get(target), "every card's start has its slot");
        boolean happening = cards.stream().anyMatch(c -> c.marker() == SessionCard.Marker.HAPPENING_NOW
                && c.entry().startsAt().equals(target));
        String time = ZoneTexts.timeOnDay(target, zone(), day());
        status.setText(happening ? "Showing what is on now: the " + time + " sessions."
                : "Nothing is on right now. Next up: the " + time + " sessions.");
        section.getChildren().filter(H3.class::isInstance).findFirst()
                .ifPresent(heading -> heading.getElement().executeJs("this.focus()"));
    }

    /** The page's address for these choices, as a link (router-link) within the app. */
    private String address(TimetableParams next) {
        String query = next.toQuery().getQueryString();
        return ConferenceLinks.timetable(conference().summary().slug()) + (query.isEmpty() ? "" : "?" + query);
    }

    private void navigate(TimetableParams next) {
        QueryParameters query = next.toQuery();
        UI.getCurrent().navigate(ConferenceLinks.timetable(conference().summary().slug()), query);
    }

    private ConferenceDetail conference() {
        return Objects.requireNonNull(conference, "shown only once the page found it");
    }

    private TimetableParams params() {
        return Objects.requireNonNull(params, "read when the page is entered");
    }

    private LocalDate day() {
        return Objects.requireNonNull(day, "chosen when the page is entered");
    }

    private ZoneId zone() {
        return Objects.requireNonNull(zone, "chosen when the page is entered");
    }
}
