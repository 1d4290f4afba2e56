package org.convene.timetable.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.RecordingTexts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.DescriptionList;
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
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.core.ui.PageTimer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import com.vaadin.flow.shared.Registration;
import org.convene.programme.AccessFeature;
import org.convene.agenda.AgendaService;
import org.convene.agenda.PlaceStatus;
import org.convene.programme.JoinState;
import org.convene.programme.PersonRole;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.programme.SessionPerson;
import org.convene.programme.ui.SessionPageSection;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One session: when it is (in the conference's zone or the reader's), how to join, what it is about,
 * who runs it and what access it offers. The Join button opens itself ten minutes before the start
 * while the page stays open, because people often arrive early and wait on this page.
 */
@Route(value = "sessions/:id(\\d+)", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/timetable.css")
@StyleSheet("styles/recordings.css")
public class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ProgrammeService programme;
    private final AgendaService agenda;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final List<SessionPageSection> sections;

    private @Nullable SessionDetail session;
    private ZoneChoice zoneChoice = ZoneChoice.CONFERENCE;
    private @Nullable ZoneId zone;
    private @Nullable ZoneId browserZone;
    private boolean viewersOwnZone;
    private @Nullable JoinState shownJoinState;
    private String pageTitle = "Session";

    private final Div status = new Div();
    private final Paragraph placesText = new Paragraph();
    private final Paragraph when = new Paragraph();
    private final TimeZoneSwitch zoneSwitch = new TimeZoneSwitch();
    private final Div joinArea = new Div();
    private final Anchor backLink = new Anchor();
    private final List<SessionPageSection.ShowsTimes> timedSections = new ArrayList<>();
    private final PageTimer joinTimer;

    public SessionView(ProgrammeService programme, AgendaService agenda, CurrentUser currentUser, Clock clock,
                       ObjectProvider<SessionPageSection> sections, @Qualifier("VaadinTaskExecutor") TaskExecutor executor) {
        this.programme = programme;
        this.joinTimer = new PageTimer(executor, clock);
        // no polling of its own: the join area changes at known moments, pushed by the timer; polls that the
        // attendance heartbeat asks for are a free extra check
        addAttachListener(attach -> {
            Registration polls = attach.getUI().addPollListener(poll -> refreshJoin());
            addDetachListener(detach -> {
                polls.remove();
                joinTimer.cancel();
                detach.unregisterListener();
            });
            if (session != null) {
                scheduleJoinChange();
            }
        });
        this.agenda = agenda;
        this.currentUser = currentUser;
        this.clock = clock;
        this.sections = sections.orderedStream().toList();
        addClassName("cv-session");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-session-status");
        placesText.setId("places-left");
        when.addClassName("cv-session-when");
        joinArea.addClassName("cv-session-join");
        joinArea.setId("join");
        backLink.getElement().setAttribute("router-link", "");
        zoneSwitch.addSwitchListener(e -> {
            ZoneChoice next = e.viewersZone() ? ZoneChoice.BROWSER : ZoneChoice.CONFERENCE;
            String tz = next.parameterValue();
            UI.getCurrent().navigate(ConferenceLinks.session(session().id()),
                    tz == null ? QueryParameters.empty() : QueryParameters.of(ZoneChoice.PARAMETER, tz));
        });
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<SessionDetail> found = programme.session(IdParameter.require(event, "id"));
        if (found.isEmpty()) {
            throw new NotFoundException("No such session");
        }
        zoneChoice = ZoneChoice.parse(event.getLocation().getQueryParameters()
                .getSingleParameter(ZoneChoice.PARAMETER).orElse(null));
        if (session == null || session.id() != found.get().id()) {
            build(found.get());
        } else {
            session = found.get();
        }
        if (zoneChoice.kind() == ZoneChoice.Kind.LOCAL && browserZone == null) {
            UI.getCurrent().getPage().retrieveExtendedClientDetails(this::browserDetailsArrived);
        }
        showTimes();
    }

    private void build(SessionDetail detail) {
        session = detail;
        shownJoinState = null;
        pageTitle = detail.cancelled() ? "Cancelled: " + detail.title() : detail.title();
        removeAll();

        add(new H1(detail.title()));
        Paragraph partOf = new Paragraph(detail.format().label() + ", part of " + detail.conference().name());
        partOf.addClassName("cv-lead");
        add(partOf);
        if (detail.cancelled()) {
            add(cancelled(detail));
        }
        timedSections.clear();
        add(when, zoneSwitch, status, joinArea);
        addSections(SessionPageSection.Place.UNDER_JOIN, detail);

        if (detail.recordingUrl() != null && !detail.cancelled()) {
            add(recording(detail));
        }

        Div planning = new Div();
        planning.addClassName("cv-session-planning");
        PlaceStatus places = agenda.placeStatus(detail.id());
        if (places.hasPlaces() || places.needsApproval()) {
            placesText.setText(AgendaToggling.placesText(places));
            planning.add(placesText);
        }
        if (currentUser.get().isPresent()) {
            AgendaToggle toggle = new AgendaToggle(detail.id(), detail.title(), places.state());
            toggle.addToggleListener(this::toggleAgenda);
            planning.add(toggle);
        } else {
            Anchor login = new Anchor("login", "Log in to plan your week");
            login.getElement().setAttribute("router-link", "");
            planning.add(new Paragraph(login, new Span(": you can then add this session to your own agenda.")));
        }
        // A file download served by Spring MVC, not a Vaadin route: the router must leave it alone.
        Anchor calendar = new Anchor("calendar/sessions/" + detail.id() + ".ics", "Add to calendar (.ics)");
        calendar.getElement().setAttribute("router-ignore", "");
        calendar.addClassName("cv-session-calendar");
        planning.add(new Paragraph(calendar));
        add(planning);

        addSections(SessionPageSection.Place.AFTER_PLANNING, detail);

        add(about(detail), details(detail), access(detail));
        for (PersonRole role : PersonRole.values()) {
            List<SessionPerson> people = detail.people(role);
            if (!people.isEmpty()) {
                add(people(role, people));
            }
        }
        add(new Paragraph(backLink));
    }

    /** Other features' parts of this page (the live questions, the attendance note), in their place. */
    private void addSections(SessionPageSection.Place place, SessionDetail detail) {
        for (SessionPageSection section : sections) {
            if (section.place() == place) {
                section.create(detail).ifPresent(component -> {
                    if (component instanceof SessionPageSection.ShowsTimes timed) {
                        timedSections.add(timed);
                    }
                    add(component);
                });
            }
        }
    }

    /** In words, not only a colour or a struck-through title, and with the organisers' reason when they gave one. */
    private static Div cancelled(SessionDetail detail) {
        Div notice = new Div(new H2("This session has been cancelled"));
        notice.addClassNames("cv-warning", "cv-session-cancelled");
        notice.add(new Paragraph(detail.cancellationReason() == null
                ? "The organisers have cancelled it, so there is nothing to join."
                : "Reason: " + detail.cancellationReason()));
        return notice;
    }

    /**
     * The recording and its formats. A video file plays here with the captions track; any other address
     * (YouTube, Vimeo) is a link, as those players bring their own captions. The links are always given,
     * so a player that cannot load the files still leaves a way to them.
     */
    private static Section recording(SessionDetail detail) {
        Section section = new Section(new H2("Recording"));
        section.addClassName("cv-session-recording");
        section.setId("recording");
        if (RecordingTexts.isVideoFile(Objects.requireNonNull(detail.recordingUrl(), "shown only with a recording"))) {
            Element video = new Element("video");
            video.setAttribute("controls", "");
            video.setAttribute("preload", "metadata");
            video.setAttribute("src", detail.recordingUrl());
            video.setAttribute("aria-label", "Recording of " + detail.title());
            video.getClassList().add("cv-session-video");
            if (detail.captionsUrl() != null) {
                // browsers load a track from another site only with CORS, which the video then needs too
                video.setAttribute("crossorigin", "anonymous");
                Element track = new Element("track");
                track.setAttribute("kind", "captions");
                track.setAttribute("src", detail.captionsUrl());
                track.setAttribute("srclang", "en");
                track.setAttribute("label", "English captions");
                track.setAttribute("default", "");
                video.appendChild(track);
            }
            Div player = new Div();
            player.getElement().appendChild(video);
            section.add(player);
        }
        UnorderedList links = new UnorderedList();
        links.addClassName("cv-recording-links");
        Anchor watch = new Anchor(detail.recordingUrl(), "Watch the recording");
        watch.getElement().setAttribute("router-ignore", "");
        links.add(new ListItem(watch));
        if (detail.captionsUrl() != null) {
            Anchor captions = new Anchor(detail.captionsUrl(), "Captions file (WebVTT)");
            captions.getElement().setAttribute("router-ignore", "");
            links.add(new ListItem(captions));
        }
        if (detail.transcriptUrl() != null) {
            Anchor transcript = new Anchor(detail.transcriptUrl(), "Read the transcript");
            transcript.getElement().setAttribute("router-ignore", "");
            links.add(new ListItem(transcript));
        }
        section.add(links);
        if (detail.easyReadSummary() != null) {
            section.add(new H3("Easy read summary"));
            Div summary = new Div(RecordingTexts.paragraphs(detail.easyReadSummary()));
            summary.addClassName("cv-easy-read");
            section.add(summary);
        }
        return section;
    }

    private Section about(SessionDetail detail) {
        Section section = new Section(new H2("About this session"));
        if (detail.summaryHtml().isEmpty()) {
            section.add(new Paragraph("The host has not added a description yet."));
        } else {
            // Html needs exactly one root element; the content was sanitised by MarkdownRenderer.
            Html summary = new Html("<div class=\"cv-prose\">" + detail.summaryHtml() + "</div>");
            section.add(summary);
        }
        return section;
    }

    private Section details(SessionDetail detail) {
        Section section = new Section(new H2("Details"));
        DescriptionList list = new DescriptionList();
        list.addClassName("cv-session-facts");
        add(list, "Format", new Span(detail.format().label()));
        if (detail.track() != null) {
            add(list, "Track", new Span(detail.track().name()));
        }
        if (detail.host() != null) {
            add(list, "Hosted by", detail.host().website() == null ? new Span(detail.host().name())
                    : new Anchor(detail.host().website(), detail.host().name()));
        }
        if (detail.capacity() != null) {
            add(list, "Places", new Span("Up to " + detail.capacity() + (detail.capacity() == 1 ? " person" : " people")));
        }
        section.add(list);
        if (detail.host() != null && detail.host().description() != null && !detail.host().description().isBlank()) {
            section.add(new Paragraph("About " + detail.host().name() + ": " + detail.host().description()));
        }
        return section;
    }

    private static void add(DescriptionList list, String term, com.vaadin.flow.component.Component value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    private Section access(SessionDetail detail) {
        Section section = new Section(new H2("Access"));
        if (detail.access().isEmpty()) {
            section.add(new Paragraph("The host has not listed any access features for this session yet."));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("cv-session-access");
            for (AccessFeature feature : AccessFeature.values()) {
                if (detail.access().contains(feature)) {
                    list.add(new ListItem(feature.label()));
                }
            }
            section.add(list);
        }
        if (detail.accessNotes() != null) {
            Paragraph notes = new Paragraph(detail.accessNotes());
            notes.addClassName("cv-session-access-notes");
            section.add(notes);
        }
        return section;
    }

    private Section people(PersonRole role, List<SessionPerson> people) {
        Section section = new Section(new H2(people.size() == 1 ? role.label() : role.plural()));
        for (SessionPerson person : people) {
            section.add(new H3(person.name()));
            if (person.organisation() != null && !person.organisation().isBlank()) {
                Paragraph organisation = new Paragraph(person.organisation());
                organisation.addClassName("cv-muted");
                section.add(organisation);
            }
            if (person.bio() != null && !person.bio().isBlank()) {
                section.add(new Paragraph(person.bio()));
            }
        }
        return section;
    }

    private void browserDetailsArrived(ExtendedClientDetails details) {
        browserZone = ZoneChoice.zoneId(details.getTimeZoneId()).orElse(null);
        if (session != null && zoneChoice.kind() == ZoneChoice.Kind.LOCAL) {
            showTimes();
        }
    }

    /** Everything that depends on the zone in force: the time, the join text, the back link. */
    private void showTimes() {
        ZoneId conferenceZone = session().conference().timeZone();
        zone = conferenceZone;
        viewersOwnZone = false;
        if (zoneChoice.kind() == ZoneChoice.Kind.EXPLICIT) {
            zone = Objects.requireNonNull(zoneChoice.explicitZone(), "an explicit choice names its zone");
        } else if (zoneChoice.kind() == ZoneChoice.Kind.LOCAL && browserZone != null) {
            zone = browserZone;
            viewersOwnZone = true;
        }
        when.setText(ZoneTexts.dayAndRange(session().startsAt(), session().endsAt(), zone)
                + " (" + ZoneTexts.shortName(zone) + ")");
        zoneSwitch.show(zone, viewersOwnZone, !zoneChoice.isConferenceZone());
        timedSections.forEach(section -> section.setZone(zone));

        TimetableParams back = new TimetableParams(session().conferenceDay(), Set.of(), Set.of(), Set.of(), Set.of(),
                "", zoneChoice);
        backLink.setHref(ConferenceLinks.timetable(session().conference().slug()) + "?"
                + back.toQuery().getQueryString());
        backLink.setText("Back to the timetable for " + DateTexts.dayWithoutYear(session().conferenceDay()));
        shownJoinState = null;
        refreshJoin();
    }

    private void scheduleJoinChange() {
        scheduleJoinChange(session().joinState(clock.instant()));
    }

    /** The next moment the join area changes by itself, pushed to the page then. */
    private void scheduleJoinChange(JoinState state) {
        Instant next = switch (state) {
            case NOT_YET_OPEN -> session().joinOpensAt();
            case OPEN, NO_LINK -> session().endsAt();
            case ENDED, CANCELLED -> null;
        };
        UI ui = UI.getCurrent();
        if (next == null || ui == null) {
            joinTimer.cancel();
        } else {
            joinTimer.at(ui, next, this::refreshJoin);
        }
    }

    /** Redraws the join area only when the state changes, so a poll does not disturb someone using it. */
    private void refreshJoin() {
        if (session == null) {
            return;
        }
        JoinState state = session.joinState(clock.instant());
        if (state == shownJoinState) {
            return;
        }
        scheduleJoinChange(state);
        boolean opened = shownJoinState == JoinState.NOT_YET_OPEN && state == JoinState.OPEN;
        shownJoinState = state;
        joinArea.removeAll();
        switch (state) {
            case OPEN -> {
                // via Convene's own address, which records the arrival and then redirects to the meeting
                Anchor join = new Anchor("sessions/" + session.id() + "/join", "Join the session (opens in a new tab)");
                join.getElement().setAttribute("router-ignore", "");
                join.setTarget(AnchorTarget.BLANK);
                join.getElement().setAttribute("rel", "noopener noreferrer");
                join.addClassName("cv-button-link");
                joinArea.add(join);
                if (opened) {
                    status.setText("You can now join the session.");
                }
            }
            case NOT_YET_OPEN -> {
                Button join = new Button("Join the session");
                join.setEnabled(false);
                Paragraph opensAt = new Paragraph(joinOpensText());
                opensAt.setId("join-opens");
                join.getElement().setAttribute("aria-describedby", "join-opens");
                joinArea.add(join, opensAt);
            }
            case ENDED -> {
                joinArea.add(new Paragraph("This session has ended."));
                if (session.recordingUrl() == null) {
                    joinArea.add(new Paragraph("If the host publishes a recording, it will appear on this page."));
                }
            }
            case NO_LINK -> joinArea.add(new Paragraph("The host has not added a joining link yet. "
                    + "Check this page again nearer the start."));
            case CANCELLED -> {
                // the notice under the title says so; there is no link or button to join
            }
        }
    }

    /** "You can join from 9.50am (UK time) on Monday 23 November". */
    private String joinOpensText() {
        ZonedDateTime opens = session().joinOpensAt().atZone(zone);
        return "You can join from " + ZoneTexts.time(opens) + " (" + ZoneTexts.shortName(zone()) + ") on "
                + DateTexts.dayWithoutYear(opens.toLocalDate()) + ".";
    }

    private void toggleAgenda(AgendaToggle.ToggleEvent event) {
        status.setText(AgendaToggling.handle(agenda, event));
        // the sentence above is what is announced; this line only keeps the page true
        placesText.setText(AgendaToggling.placesText(agenda.placeStatus(event.getSource().sessionId())));
    }

    private SessionDetail session() {
        return Objects.requireNonNull(session, "shown only once the page found it");
    }

    private ZoneId zone() {
        return Objects.requireNonNull(zone, "chosen when the page is entered");
    }
}
