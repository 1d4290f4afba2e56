package org.convene.recordings.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.RecordingTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.MainLayout;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceDetail;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeService;
import org.convene.recordings.RecordingFilter;
import org.convene.recordings.RecordingListItem;
import org.convene.recordings.RecordingService;
import org.convene.programme.TrackRef;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recordings library: sessions whose recordings were published, with their captions, transcripts and
 * easy-read summaries. Filters live in the URL (?conference=slug&day=2026-11-24&track=3&host=7
 * &access=LIVE_CAPTIONS&mine=yes) so a filtered list can be shared; the list loads a page at a time.
 */
@Route(value = "recordings", layout = MainLayout.class)
@PageTitle("Recordings")
@AnonymousAllowed
@StyleSheet("styles/recordings.css")
public class RecordingsView extends Div implements BeforeEnterObserver {

    static final int PAGE_SIZE = 20;
    static final String CONFERENCE = "conference";
    static final String DAY = "day";
    static final String TRACK = "track";
    static final String HOST = "host";
    static final String ACCESS = "access";
    static final String MINE = "mine";

    private final ProgrammeService programme;
    private final RecordingService recordings;
    private final CurrentUser currentUser;

    private final Select<ConferenceSummary> conferenceChoice = new Select<>();
    private final Select<LocalDate> dayChoice = new Select<>();
    private final Select<TrackRef> trackChoice = new Select<>();
    private final Select<HostRef> hostChoice = new Select<>();
    private final CheckboxGroup<AccessFeature> accessChoice = new CheckboxGroup<>("Access: only sessions with");
    private final Checkbox mineChoice = new Checkbox("Only sessions from your agenda");
    private final Button clearFilters = new Button("Clear filters");
    private final Div status = new Div();
    private final UnorderedList results = new UnorderedList();
    private final Button showMore = new Button();
    private final Section filtersSection = new Section();
    private final H2 resultsHeading = new H2();

    private @Nullable ConferenceDetail conference;
    private RecordingFilter filter = RecordingFilter.all();
    private int total;
    private int shown;
    private boolean updatingControls;

    public RecordingsView(ProgrammeService programme, RecordingService recordings, CurrentUser currentUser) {
        this.programme = programme;
        this.recordings = recordings;
        this.currentUser = currentUser;
        addClassName("cv-recordings");

        conferenceChoice.setLabel("Conference");
        conferenceChoice.setItemLabelGenerator(ConferenceSummary::name);
        dayChoice.setLabel("Day");
        dayChoice.setEmptySelectionAllowed(true);
        dayChoice.setEmptySelectionCaption("Any day");
        dayChoice.setItemLabelGenerator(d -> d == null ? "Any day" : DateTexts.dayWithoutYear(d));
        trackChoice.setLabel("Track");
        trackChoice.setEmptySelectionAllowed(true);
        trackChoice.setEmptySelectionCaption("Any track");
        trackChoice.setItemLabelGenerator(t -> t == null ? "Any track" : t.name());
        hostChoice.setLabel("Host");
        hostChoice.setEmptySelectionAllowed(true);
        hostChoice.setEmptySelectionCaption("Any host");
        hostChoice.setItemLabelGenerator(h -> h == null ? "Any host" : h.name());
        accessChoice.setItems(AccessFeature.values());
        accessChoice.setItemLabelGenerator(AccessFeature::label);
        conferenceChoice.addValueChangeListener(e -> {
            if (!updatingControls && e.getValue() != null) {
                UI.getCurrent().navigate(RecordingsView.class,
                        QueryParameters.of(CONFERENCE, e.getValue().slug()));
            }
        });
        dayChoice.addValueChangeListener(e -> filtersChanged());
        trackChoice.addValueChangeListener(e -> filtersChanged());
        hostChoice.addValueChangeListener(e -> filtersChanged());
        accessChoice.addValueChangeListener(e -> filtersChanged());
        mineChoice.addValueChangeListener(e -> filtersChanged());
        clearFilters.addClickListener(e -> navigate(RecordingFilter.all()));

        status.setId("recordings-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-recordings-status");
        results.addClassName("cv-recordings-list");
        showMore.addClickListener(e -> showMore());

        // built once: Vaadin reuses this view as the filters change, and the live region must stay in place
        Paragraph lead = new Paragraph("Recordings of sessions that have taken place. Where the host published "
                + "them, you will also find captions, a transcript, a BSL version and an easy read summary.");
        lead.addClassName("cv-lead");
        Div selects = new Div(conferenceChoice, dayChoice, trackChoice, hostChoice);
        selects.addClassName("cv-recordings-selects");
        filtersSection.add(new H2("Find a recording"), selects, accessChoice, mineChoice, clearFilters);
        filtersSection.addClassName("cv-recordings-filters");
        add(new H1("Recordings"), lead, filtersSection, status, new Section(resultsHeading, results, showMore));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<ConferenceSummary> chosen = first(query, CONFERENCE).flatMap(programme::conference)
                .or(programme::currentOrNext);
        results.removeAll();
        shown = 0;
        if (chosen.isEmpty()) {
            conference = null;
            filtersSection.setVisible(false);
            resultsHeading.setText("Recordings");
            showMore.setVisible(false);
            status.setText("There are no conferences yet, so there are no recordings.");
            return;
        }
        conference = programme.conferenceDetail(chosen.get().slug()).orElseThrow();
        filter = readFilter(query);
        filtersSection.setVisible(true);
        updateFilters();
        resultsHeading.setText("Recordings of " + conference.summary().name());
        total = recordings.count(conference.summary(), filter);
        loadPage(false);
    }

    private RecordingFilter readFilter(Map<String, List<String>> query) {
        LocalDate day = first(query, DAY).map(RecordingsView::date).filter(conference().days()::contains).orElse(null);
        Long track = first(query, TRACK).map(RecordingsView::id)
                .filter(id -> conference().tracks().stream().anyMatch(t -> t.id() == id)).orElse(null);
        Long host = first(query, HOST).map(RecordingsView::id)
                .filter(id -> conference().hosts().stream().anyMatch(h -> h.id() == id)).orElse(null);
        Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);
        query.getOrDefault(ACCESS, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .forEach(v -> Arrays.stream(AccessFeature.values())
                        .filter(f -> f.name().equals(v.strip().toUpperCase(Locale.ROOT))).forEach(access::add));
        boolean mine = currentUser.get().isPresent() && first(query, MINE).isPresent();
        return new RecordingFilter(day, track, host, access, mine);
    }

    private void updateFilters() {
        updatingControls = true;
        try {
            List<ConferenceSummary> all = programme.conferences();
            conferenceChoice.setItems(all);
            conferenceChoice.setValue(all.stream().filter(c -> c.id() == conference().summary().id()).findFirst()
                    .orElse(null));
            conferenceChoice.setVisible(all.size() > 1);
            dayChoice.setItems(conference().days());
            dayChoice.setValue(filter.day());
            trackChoice.setItems(conference().tracks());
            trackChoice.setValue(conference().tracks().stream()
                    .filter(t -> Long.valueOf(t.id()).equals(filter.trackId()))
                    .findFirst().orElse(null));
            trackChoice.setVisible(!conference().tracks().isEmpty());
            hostChoice.setItems(conference().hosts());
            hostChoice.setValue(conference().hosts().stream().filter(h -> Long.valueOf(h.id()).equals(filter.hostId()))
                    .findFirst().orElse(null));
            hostChoice.setVisible(!conference().hosts().isEmpty());
            accessChoice.setValue(filter.access());
            mineChoice.setValue(filter.onlyMyAgenda());
            mineChoice.setVisible(currentUser.get().isPresent());
            clearFilters.setVisible(isNarrowed());
        } finally {
            updatingControls = false;
        }
    }

    private boolean isNarrowed() {
        return filter.day() != null || filter.trackId() != null || filter.hostId() != null
                || !filter.access().isEmpty() || filter.onlyMyAgenda();
    }

    /** @param focusFirstNew after "Show more": move focus to the first added item, so keyboard users carry on there */
    private void loadPage(boolean focusFirstNew) {
        List<RecordingListItem> page = recordings.library(conference().summary(), filter, shown, PAGE_SIZE);
        ZoneId zone = conference().summary().timeZone();
        boolean first = true;
        for (RecordingListItem item : page) {
            ListItem row = item(item, zone);
            results.add(row);
            if (focusFirstNew && first) {
                row.getChildren().filter(H3.class::isInstance).findFirst()
                        .ifPresent(h -> h.getElement().executeJs("this.focus()"));
            }
            first = false;
        }
        shown += page.size();
        showMore.setText("Show more recordings");
        showMore.setVisible(shown < total);
        if (total == 0) {
            status.setText(isNarrowed() ? "No recordings match your filters." : "No recordings have been published yet.");
        } else {
            String count = total == 1 ? "1 recording" : total + " recordings";
            status.setText((isNarrowed() ? count + (total == 1 ? " matches" : " match") + " your filters." : count + ".")
                    + (shown < total ? " Showing " + shown + "." : ""));
        }
    }

    private void showMore() {
        loadPage(true);
    }

    private ListItem item(RecordingListItem item, ZoneId zone) {
        ListItem row = new ListItem();
        row.addClassName("cv-recording");
        Anchor title = new Anchor(ConferenceLinks.session(item.sessionId()), item.title());
        title.getElement().setAttribute("router-link", "");
        H3 heading = new H3(title);
        heading.getElement().setAttribute("tabindex", "-1");
        row.add(heading);
        if (item.onMyAgenda()) {
            Span badge = new Span("On your agenda");
            badge.addClassNames("cv-badge", "cv-badge--agenda");
            row.add(badge);
        }
        row.add(new Paragraph(ZoneTexts.dayAndRange(item.startsAt(), item.endsAt(), zone)
                + " (" + ZoneTexts.shortName(zone) + ")"));
        List<String> facts = new ArrayList<>();
        if (item.host() != null) {
            facts.add("Hosted by " + item.host().name());
        }
        if (item.track() != null) {
            facts.add(item.track().name() + " track");
        }
        if (!facts.isEmpty()) {
            row.add(new Paragraph(String.join(". ", facts) + "."));
        }
        if (!item.access().isEmpty()) {
            row.add(new Paragraph("Access: " + Arrays.stream(AccessFeature.values()).filter(item.access()::contains)
                    .map(AccessFeature::label).collect(Collectors.joining(", ")) + "."));
        }
        UnorderedList links = new UnorderedList();
        links.addClassName("cv-recording-links");
        links.add(new ListItem(link(item.url(), "Watch the recording", item.title())));
        if (item.captionsUrl() != null) {
            links.add(new ListItem(link(item.captionsUrl(), "Captions file (WebVTT)", item.title())));
        }
        if (item.transcriptUrl() != null) {
            links.add(new ListItem(link(item.transcriptUrl(), "Read the transcript", item.title())));
        }
        String bslVersion = item.bslUrl();
        if (bslVersion != null) {
            links.add(new ListItem(link(bslVersion, "BSL version", item.title())));
        }
        row.add(links);
        if (item.easyReadSummary() != null) {
            Details easyRead = new Details("Easy read summary");
            easyRead.add(RecordingTexts.paragraphs(item.easyReadSummary()));
            row.add(easyRead);
        }
        return row;
    }

    /** The visible words are short; the accessible name says which session, because the list repeats them. */
    private static Anchor link(String href, String text, String sessionTitle) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("aria-label", text + ": “" + sessionTitle + "”");
        anchor.getElement().setAttribute("router-ignore", "");
        return anchor;
    }

    private void filtersChanged() {
        if (updatingControls) {
            return;
        }
        Set<AccessFeature> access = accessChoice.getValue();
        navigate(new RecordingFilter(dayChoice.getValue(),
                trackChoice.getValue() == null ? null : trackChoice.getValue().id(),
                hostChoice.getValue() == null ? null : hostChoice.getValue().id(),
                access, mineChoice.getValue()));
    }

    private void navigate(RecordingFilter next) {
        UI.getCurrent().navigate(RecordingsView.class, toQuery(conference().summary().slug(), next));
    }

    /** Parameters in a fixed order, so the same list always has the same address. */
    static QueryParameters toQuery(String slug, RecordingFilter filter) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put(CONFERENCE, List.of(slug));
        if (filter.day() != null) {
            parameters.put(DAY, List.of(filter.day().toString()));
        }
        if (filter.trackId() != null) {
            parameters.put(TRACK, List.of(filter.trackId().toString()));
        }
        if (filter.hostId() != null) {
            parameters.put(HOST, List.of(filter.hostId().toString()));
        }
        if (!filter.access().isEmpty()) {
            parameters.put(ACCESS, EnumSet.copyOf(filter.access()).stream().map(Enum::name).toList());
        }
        if (filter.onlyMyAgenda()) {
            parameters.put(MINE, List.of("yes"));
        }
        return new QueryParameters(parameters);
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static @Nullable LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Long id(String value) {
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ConferenceDetail conference() {
        return Objects.requireNonNull(conference, "shown only once the page found it");
    }
}
