package org.convene.organising.ui;

import org.convene.core.ui.DateTexts;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.AccessFeature;
import org.convene.organising.AssignedPerson;
import org.convene.programme.ConferenceSummary;
import org.convene.organising.FacilitatorAssignment;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeService;
import org.convene.organising.SessionAdminService;
import org.convene.programme.SessionDraft;
import org.convene.organising.SessionFormChoices;
import org.convene.programme.SessionFormat;
import org.convene.organising.SessionForEditing;
import org.convene.programme.SessionRules;
import org.convene.organising.SessionSaveResult;
import org.convene.programme.TrackRef;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Adds a session ({@code manage/sessions/new?conference=slug}) or changes one ({@code manage/sessions/42}), and
 * chooses who runs it. Checked on submit only, with the GOV.UK error summary; an overlap in the track is a
 * warning one may save past; a save over someone else's newer changes is refused with a way to load them.
 * The day is chosen from the conference's days (plain text, unlike a date picker's calendar), times are typed
 * or picked in the conference's own time zone, which the form names.
 */
@Route(value = "manage/sessions/:id(new|\\d+)", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet("styles/manage.css")
public class SessionEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String NEW = "new";
    static final String CONFLICT = "Someone else changed this session while you were editing it. "
            + "Your changes have not been saved.";
    private static final String SAVED_KEY = "cv-session-editor-saved";

    private final SessionAdminService admin;
    private final ProgrammeService programme;

    private final ErrorSummary errors = new ErrorSummary(2);
    private final Div status = new Div();
    private final Div statusActions = new Div();

    private final TextField reference = new TextField("Reference (optional)");
    private final TextField title = new TextField("Title");
    private final TextArea summary = new TextArea("Description (optional)");
    private final Select<SessionFormat> format = new Select<>();
    private final Select<LocalDate> day = new Select<>();
    private final TimePicker startTime = new TimePicker("Start time");
    private final TimePicker endTime = new TimePicker("End time");
    private final Select<TrackRef> track = new Select<>();
    private final Select<HostRef> host = new Select<>();
    private final TextField joinUrl = new TextField("Joining link (optional)");
    private final TextField capacity = new TextField("Places (optional)");
    private final CheckboxGroup<AccessFeature> access = new CheckboxGroup<>("Access this session offers (optional)");
    private final TextArea accessNotes = new TextArea("Access notes (optional)");
    private final List<Component> fields = List.of(reference, title, summary, format, day, startTime, endTime,
            track, host, joinUrl, capacity, access, accessNotes);

    private final ErrorSummary facilitatorErrors = new ErrorSummary(3);
    private final TextField facilitatorEmail = new TextField("Email address");
    private final ComboBox<AssignedPerson> speakerChoice = new ComboBox<>("Person");

    private @Nullable SessionFormChoices choices;
    private @Nullable SessionForEditing session;
    private String pageTitle = "Add a session - Convene";
    private boolean showingErrors;
    /** The draft an overlap warning was about: "Save anyway" confirms that one, not whatever was typed since. */
    private @Nullable SessionDraft warnedDraft;
    /**
     * Days from the start's date to the end's: 0 but for a session running past midnight (an import can make
     * one), which keeps its end on the later day when the form sets only times.
     */
    private long endDayOffset;

    public SessionEditorView(SessionAdminService admin, ProgrammeService programme) {
        this.admin = admin;
        this.programme = programme;
        addClassName("cv-manage");
        status.setId("editor-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        status.addClassName("cv-editor-status");
        statusActions.addClassName("cv-button-row");
        statusActions.setVisible(false);

        reference.setId("reference");
        reference.setHelperText("Your own code for the session, like CPW-014. Importing a spreadsheet again "
                + "updates the session with the same reference.");
        title.setId("title");
        summary.setId("summary");
        summary.setHelperText("You can use Markdown: **bold**, *italic*, [link text](https://example.org), "
                + "a line starting with - for a list, and an empty line between paragraphs.");
        format.setId("format");
        format.setLabel("Format");
        format.setItems(SessionFormat.values());
        format.setItemLabelGenerator(f -> f == null ? "" : f.label());
        format.setPlaceholder("Choose a format");
        day.setId("day");
        day.setLabel("Day");
        day.setItemLabelGenerator(d -> d == null ? "" : DateTexts.day(d));
        day.setPlaceholder("Choose a day");
        for (TimePicker time : List.of(startTime, endTime)) {
            time.setLocale(Locale.UK);
            time.setStep(Duration.ofMinutes(15));
        }
        startTime.setId("start-time");
        endTime.setId("end-time");
        track.setId("track");
        track.setLabel("Track (optional)");
        track.setEmptySelectionAllowed(true);
        track.setEmptySelectionCaption("No track");
        track.setItemLabelGenerator(t -> t == null ? "No track" : t.name());
        host.setId("host");
        host.setItemLabelGenerator(h -> h == null ? "No host organisation" : h.name());
        joinUrl.setId("join-url");
        joinUrl.setHelperText("The web address people use to join, starting with https://");
        capacity.setId("capacity");
        capacity.setHelperText("The most people who can take part. Leave empty if there is no limit.");
        capacity.getElement().setAttribute("inputmode", "numeric");
        capacity.addClassName("cv-short-field");
        access.setId("access");
        access.setItems(AccessFeature.values());
        access.setItemLabelGenerator(AccessFeature::label);
        accessNotes.setId("access-notes");
        accessNotes.setHelperText("Anything else people should know, like how to ask for an interpreter.");
        for (Component field : fields) {
            // Checked on submit only (GOV.UK), never while someone is still typing.
            ((HasValidation) field).setManualValidation(true);
        }

        facilitatorEmail.setId("facilitator-email");
        facilitatorEmail.setHelperText("They need a Convene account with this email address.");
        facilitatorEmail.setManualValidation(true);
        speakerChoice.setId("speaker");
        speakerChoice.setHelperText("Type part of a name to find them in the list of people.");
        speakerChoice.setItemLabelGenerator(p -> p.organisation() == null ? p.name()
                : p.name() + " (" + p.organisation() + ")");
        speakerChoice.setItems(query -> admin.people(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, pageTitle);
    }

    // ---- loading ------------------------------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        showingErrors = false;
        warnedDraft = null;
        session = null;
        choices = null;
        if (NEW.equals(id)) {
            Optional<String> slug = event.getLocation().getQueryParameters()
                    .getSingleParameter(ManageLinks.CONFERENCE_PARAMETER);
            Optional<ConferenceSummary> conference = slug.isPresent() ? slug.flatMap(programme::conference)
                    : programme.currentOrNext();
            // a refusal (AccessDeniedException) goes on to the not-allowed page
            Optional<SessionFormChoices> found = conference.flatMap(c -> admin.choices(c.id()));
            if (found.isEmpty()) {
                showMessage("Conference not found", "We could not find the conference to add a session to. "
                        + "Choose the conference on the programme management page, then add the session there.");
                return;
            }
            choices = found.get();
            buildForm();
            fill(null);
        } else {
            session = admin.forEditing(IdParameter.require(event, "id"))
                    .orElseThrow(() -> new NotFoundException("No such session"));
            choices = admin.choices(session.conference().id()).orElseThrow();
            buildForm();
            fill(session);
        }
        String saved = (String) ComponentUtil.getData(UI.getCurrent(), SAVED_KEY);
        if (saved != null) {
            ComponentUtil.setData(UI.getCurrent(), SAVED_KEY, null);
            confirm(saved);
        }
    }

    private void showMessage(String heading, String text) {
        removeAll();
        pageTitle = heading + " - Convene";
        add(new H1(heading), new Paragraph(text),
                new Paragraph(AdminPage.link(ManageLinks.HUB, "Manage the programme")));
    }

    private void buildForm() {
        removeAll();
        ConferenceSummary conference = choices().conference();
        pageTitle = (session == null ? "Add a session" : "Change a session: " + session.title()) + " - Convene";
        errors.clear(fields);
        facilitatorErrors.clear(facilitatorEmail);
        clearStatus();

        add(errors, new H1(session == null ? "Add a session" : "Change a session"));
        add(new Paragraph(conference.name() + ", " + DateTexts.dayRange(conference.firstDay(), conference.lastDay())
                + ". Times are in " + DateTexts.zoneName(conference.timeZone()) + ", the conference's time zone."));
        if (session != null) {
            add(sessionLinks(session, conference));
            if (session.cancelled()) {
                Paragraph cancelled = new Paragraph("This session is cancelled. The timetable shows it as "
                        + "cancelled. Changes you save here still show on its page.");
                cancelled.addClassName("cv-warning");
                add(cancelled);
            }
        }
        add(status, statusActions);

        String zone = DateTexts.zoneName(conference.timeZone());
        endDayOffset = session == null ? 0 : ChronoUnit.DAYS.between(
                session.startsAt().atZone(conference.timeZone()).toLocalDate(),
                session.endsAt().atZone(conference.timeZone()).toLocalDate());
        startTime.setHelperText(zone + ", for example 10:30");
        endTime.setHelperText(endDayOffset == 0 ? zone + ", for example 11:30"
                : zone + (endDayOffset == 1 ? ", on the day after the start" : ", " + endDayOffset
                + " days after the start"));
        track.setItems(choices().tracks());
        if (choices().tracks().isEmpty()) {
            track.setHelperText("This conference has no tracks yet.");
        } else {
            track.setHelperText(null);
        }
        host.setEmptySelectionAllowed(!choices().hostRequired());
        host.setEmptySelectionCaption("No host organisation");
        host.setLabel(choices().hostRequired() ? "Host organisation" : "Host organisation (optional)");
        host.setItems(choices().hosts());

        Div timeRow = new Div(startTime, endTime);
        timeRow.addClassName("cv-time-row");
        Button save = new Button(session == null ? "Save session" : "Save changes", e -> save(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-session");
        Div form = new Div(reference, title, summary, format, day, timeRow, track, host, joinUrl, capacity, access,
                accessNotes, save);
        form.addClassName("cv-form");
        form.addClassName("cv-session-form");
        add(form);

        if (session == null) {
            add(new Paragraph("You can add facilitators and speakers after you save the session."));
        } else {
            add(facilitatorSection(), speakerSection());
        }
        add(new Paragraph(AdminPage.link(ManageLinks.withConference(ManageLinks.HUB, conference.slug()),
                "Back to the sessions of " + conference.name())));
    }

    private Nav sessionLinks(SessionForEditing editing, ConferenceSummary conference) {
        UnorderedList list = new UnorderedList(
                new ListItem(AdminPage.link(ConferenceLinks.session(editing.id()), "See the session's public page")),
                new ListItem(AdminPage.link(ManageLinks.recording(editing.id()), "Publish the recording")),
                new ListItem(AdminPage.link(ManageLinks.cancellation(editing.id()), "Cancel or restore this session")));
        list.addClassName("cv-manage-links");
        Nav nav = new Nav(list);
        nav.getElement().setAttribute("aria-label", "This session's other pages");
        return nav;
    }

    /** Puts the values into the form: the session's, or empty ones for a new session. */
    private void fill(@Nullable SessionForEditing values) {
        ConferenceSummary conference = choices().conference();
        ZoneId zone = conference.timeZone();
        TreeSet<LocalDate> days = new TreeSet<>(conference.firstDay().datesUntil(conference.lastDay().plusDays(1))
                .toList());
        if (values != null) {
            // a session left outside the conference's days (they moved) keeps its own day on offer
            days.add(values.startsAt().atZone(zone).toLocalDate());
        }
        day.setItems(days);
        if (values == null) {
            for (TextField field : List.of(reference, title, joinUrl, capacity)) {
                field.clear();
            }
            summary.clear();
            accessNotes.clear();
            format.clear();
            day.setValue(days.size() == 1 ? days.first() : null);
            startTime.clear();
            endTime.clear();
            track.clear();
            host.setValue(choices().hostRequired() && choices().hosts().size() == 1
                    ? choices().hosts().getFirst() : null);
            access.clear();
            return;
        }
        reference.setValue(text(values.reference()));
        title.setValue(values.title());
        summary.setValue(values.summaryMarkdown());
        format.setValue(values.format());
        day.setValue(values.startsAt().atZone(zone).toLocalDate());
        startTime.setValue(values.startsAt().atZone(zone).toLocalTime());
        endTime.setValue(values.endsAt().atZone(zone).toLocalTime());
        track.setValue(choices().tracks().stream().filter(t -> values.trackId() != null && t.id() == values.trackId())
                .findFirst().orElse(null));
        host.setValue(choices().hosts().stream().filter(h -> values.hostId() != null && h.id() == values.hostId())
                .findFirst().orElse(null));
        joinUrl.setValue(text(values.joinUrl()));
        capacity.setValue(values.capacity() == null ? "" : values.capacity().toString());
        access.setValue(values.access().isEmpty() ? EnumSet.noneOf(AccessFeature.class)
                : EnumSet.copyOf(values.access()));
        accessNotes.setValue(text(values.accessNotes()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    // ---- saving -------------------------------------------------------------------------------------------

    private void save(boolean overlapConfirmed) {
        errors.clear(fields);
        clearStatus();
        setShowingErrors(false);
        Map<Component, String> problems = new LinkedHashMap<>();
        SessionDraft draft = draft(problems);
        overlapConfirmed = overlapConfirmed && draft.equals(warnedDraft);
        warnedDraft = null;
        if (!problems.isEmpty()) {
            // Everything else that is wrong too, so that one round of corrections is enough.
            addProblems(problems, SessionRules.check(draft, choices().conference()));
            showProblems(problems);
            return;
        }
        SessionSaveResult result;
        try {
            result = session == null ? admin.create(draft, overlapConfirmed)
                    : admin.update(session.id(), session.version(), draft, overlapConfirmed);
        } catch (AccessDeniedException refused) {
            showStatus("cv-warning", refused.getMessage() + " Nothing has been saved.");
            return;
        }
        switch (result) {
            case SessionSaveResult.Saved saved -> saved(saved);
            case SessionSaveResult.Invalid invalid -> {
                addProblems(problems, invalid.problems());
                showProblems(problems);
            }
            case SessionSaveResult.OverlapWarning overlap -> {
                warnedDraft = draft;
                showOverlap(overlap.overlappingTitles());
            }
            case SessionSaveResult.Conflict conflict -> showConflict();
        }
    }

    /** The draft the form describes; what cannot be read from the form goes into {@code problems}. */
    private SessionDraft draft(Map<Component, String> problems) {
        ZoneId zone = choices().conference().timeZone();
        if (day.getValue() == null) {
            problems.put(day, "Choose the day of the session");
        }
        if (startTime.getValue() == null) {
            problems.put(startTime, "Enter the start time, like 10:30");
        }
        if (endTime.getValue() == null) {
            problems.put(endTime, "Enter the end time, like 11:30");
        }
        Instant startsAt = day.getValue() == null || startTime.getValue() == null ? null
                : day.getValue().atTime(startTime.getValue()).atZone(zone).toInstant();
        Instant endsAt = day.getValue() == null || endTime.getValue() == null ? null
                : day.getValue().plusDays(endDayOffset).atTime(endTime.getValue()).atZone(zone).toInstant();
        Integer places = null;
        String placesText = capacity.getValue().strip();
        if (!placesText.isEmpty()) {
            try {
                places = Integer.valueOf(placesText);
            } catch (NumberFormatException e) {
                problems.put(capacity, "Places must be a whole number, 1 or more");
            }
        }
        return new SessionDraft(choices().conference().id(), reference.getValue(), title.getValue(),
                summary.getValue(), format.getValue(), startsAt, endsAt,
                track.getValue() == null ? null : track.getValue().id(),
                host.getValue() == null ? null : host.getValue().id(), joinUrl.getValue(), places,
                access.getValue(), accessNotes.getValue());
    }

    /** Adds the rules' problems to the form's own, one message per field, the form's own first. */
    private void addProblems(Map<Component, String> problems, List<SessionRules.Problem> found) {
        for (SessionRules.Problem problem : found) {
            Component field = fieldFor(problem.field());
            // "Enter the start date and time" says no more than the form's own message about the same gap
            if (field != null && !problems.containsKey(field) && !timeAlreadyMissing(problem.field())) {
                problems.put(field, problem.message());
            }
        }
    }

    private boolean timeAlreadyMissing(SessionRules.Field field) {
        return switch (field) {
            case STARTS_AT -> day.getValue() == null || startTime.getValue() == null;
            case ENDS_AT -> day.getValue() == null || endTime.getValue() == null;
            default -> false;
        };
    }

    private Component fieldFor(SessionRules.Field field) {
        return switch (field) {
            case REFERENCE -> reference;
            case TITLE -> title;
            case SUMMARY -> summary;
            case FORMAT -> format;
            // with a day and a time given, what is left to say about the start is that the day is wrong
            case STARTS_AT -> day;
            case ENDS_AT -> endTime;
            case TRACK -> track;
            case HOST -> host;
            case JOIN_URL -> joinUrl;
            case CAPACITY -> capacity;
            case ACCESS_NOTES -> accessNotes;
        };
    }

    private void showProblems(Map<Component, String> problems) {
        List<ErrorSummary.Problem> inFormOrder = new ArrayList<>();
        for (Component field : fields) {
            if (problems.containsKey(field)) {
                inFormOrder.add(new ErrorSummary.Problem(field, problems.get(field)));
            }
        }
        errors.show(inFormOrder);
        setShowingErrors(true);
    }

    private void setShowingErrors(boolean showing) {
        if (showing != showingErrors) {
            showingErrors = showing;
            UI.getCurrent().getPage().setTitle(getPageTitle());
        }
    }

    private void saved(SessionSaveResult.Saved saved) {
        if (session == null) {
            ComponentUtil.setData(UI.getCurrent(), SAVED_KEY, "The session has been added.");
            UI.getCurrent().navigate(ManageLinks.session(saved.sessionId()));
            return;
        }
        // read back, so that the form shows what is stored and the next save carries the new version
        session = admin.forEditing(session.id()).orElseThrow();
        pageTitle = "Change a session: " + session.title() + " - Convene";
        UI.getCurrent().getPage().setTitle(getPageTitle());
        fill(session);
        confirm("Your changes have been saved.");
    }

    private void confirm(String text) {
        showStatus("cv-success", text);
        Notification.show(text, 5000, Notification.Position.TOP_CENTER);
    }

    private void showOverlap(List<String> titles) {
        UnorderedList list = new UnorderedList();
        titles.forEach(t -> list.add(new ListItem(t)));
        showStatus("cv-warning", titles.size() == 1
                ? "This session overlaps another session in the same track:"
                : "This session overlaps " + titles.size() + " other sessions in the same track:");
        status.add(list, new Paragraph("Change the time or the track, or save it anyway if both can run at once."));
        Button saveAnyway = new Button("Save anyway", e -> save(true));
        saveAnyway.setId("save-anyway");
        statusActions.add(saveAnyway);
        statusActions.setVisible(true);
        status.getElement().executeJs("this.focus()");
    }

    private void showConflict() {
        showStatus("cv-warning", CONFLICT);
        status.add(new Paragraph("Load the latest version to see their changes, then make yours again. "
                + "Loading it replaces what you typed."));
        Button reload = new Button("Load the latest version", e -> reload());
        reload.setId("load-latest");
        statusActions.add(reload);
        statusActions.setVisible(true);
        status.getElement().executeJs("this.focus()");
    }

    private void reload() {
        errors.clear(fields);
        Optional<SessionForEditing> latest = admin.forEditing(session().id());
        if (latest.isEmpty()) {
            showMessage("Session not found", "This session has been removed from the programme.");
            return;
        }
        session = latest.get();
        buildForm();
        fill(session);
        showStatus("cv-success", "This is the latest version of the session.");
    }

    private void showStatus(String className, @Nullable String text) {
        clearStatus();
        status.addClassName(className);
        status.add(new Paragraph(text));
    }

    private void clearStatus() {
        status.removeAll();
        status.removeClassNames("cv-success", "cv-warning");
        statusActions.removeAll();
        statusActions.setVisible(false);
    }

    // ---- facilitators and speakers ------------------------------------------------------------------------

    private Section facilitatorSection() {
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-people-list");
        for (AssignedPerson person : session().facilitators()) {
            Button remove = new Button("Remove", e -> removeFacilitator(person));
            remove.setAriaLabel("Remove " + person.name() + " as a facilitator");
            list.add(new ListItem(new Span(person.name()), remove));
        }
        Button add = new Button("Add a facilitator", e -> addFacilitator());
        add.setId("add-facilitator");
        add.addClickShortcut(Key.ENTER).listenOn(facilitatorEmail).resetFocusOnActiveElement();
        facilitatorEmail.clear();
        Div addRow = new Div(facilitatorEmail, add);
        addRow.addClassName("cv-search-row");
        Section section = new Section(new H2("Facilitators"),
                new Paragraph("Facilitators run the session and moderate its questions."),
                session().facilitators().isEmpty() ? new Paragraph("No facilitators yet.") : list,
                facilitatorErrors, addRow);
        section.setId("facilitators");
        return section;
    }

    private void addFacilitator() {
        facilitatorErrors.clear(facilitatorEmail);
        FacilitatorAssignment result;
        try {
            result = admin.addFacilitator(session().id(), facilitatorEmail.getValue());
        } catch (AccessDeniedException refused) {
            showStatus("cv-warning", refused.getMessage());
            return;
        }
        switch (result) {
            case FacilitatorAssignment.Refused refused -> {
                facilitatorErrors.show(facilitatorEmail, refused.message());
                return;
            }
            case FacilitatorAssignment.AlreadyAssigned already ->
                    peopleChanged(already.person().name() + " is already a facilitator of this session.");
            case FacilitatorAssignment.Added added ->
                    peopleChanged(added.person().name() + " is now a facilitator of this session.");
        }
    }

    private void removeFacilitator(AssignedPerson person) {
        try {
            admin.removeFacilitator(session().id(), person.personId());
        } catch (AccessDeniedException refused) {
            showStatus("cv-warning", refused.getMessage());
            return;
        }
        peopleChanged(person.name() + " is no longer a facilitator of this session.");
    }

    private Section speakerSection() {
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-people-list");
        for (AssignedPerson person : session().speakers()) {
            Button remove = new Button("Remove", e -> removeSpeaker(person));
            remove.setAriaLabel("Remove " + person.name() + " as a speaker");
            list.add(new ListItem(new Span(person.name()), remove));
        }
        speakerChoice.clear();
        Button add = new Button("Add a speaker", e -> addSpeaker());
        add.setId("add-speaker");
        Div addRow = new Div(speakerChoice, add);
        addRow.addClassName("cv-search-row");
        Section section = new Section(new H2("Speakers"),
                session().speakers().isEmpty() ? new Paragraph("No speakers yet.") : list, addRow);
        section.setId("speakers");
        return section;
    }

    private void addSpeaker() {
        AssignedPerson person = speakerChoice.getValue();
        if (person == null) {
            showStatus("cv-warning", "Choose a person to add as a speaker.");
            return;
        }
        try {
            boolean added = admin.addSpeaker(session().id(), person.personId());
            peopleChanged(person.name() + (added ? " is now a speaker of this session."
                    : " is already a speaker of this session."));
        } catch (AccessDeniedException refused) {
            showStatus("cv-warning", refused.getMessage());
        }
    }

    private void removeSpeaker(AssignedPerson person) {
        try {
            admin.removeSpeaker(session().id(), person.personId());
        } catch (AccessDeniedException refused) {
            showStatus("cv-warning", refused.getMessage());
            return;
        }
        peopleChanged(person.name() + " is no longer a speaker of this session.");
    }

    /**
     * Redraws the people sections only: the form above may hold changes not yet saved, which must stay.
     * The session's version is not touched by people changes, so the form's version stays right too.
     */
    private void peopleChanged(String message) {
        SessionForEditing shown = session();
        SessionForEditing latest = admin.forEditing(shown.id()).orElseThrow();
        session = new SessionForEditing(shown.id(), shown.conference(), shown.version(), shown.reference(),
                shown.title(), shown.summaryMarkdown(), shown.format(), shown.startsAt(), shown.endsAt(),
                shown.trackId(), shown.hostId(), shown.joinUrl(), shown.capacity(), shown.access(),
                shown.accessNotes(), shown.cancelledAt(), latest.facilitators(), latest.speakers());
        replaceSection("facilitators", facilitatorSection());
        replaceSection("speakers", speakerSection());
        showStatus("cv-success", message);
    }

    private void replaceSection(String id, Section replacement) {
        getChildren().filter(c -> id.equals(c.getId().orElse(null))).findFirst()
                .ifPresent(old -> getElement().insertChild(getElement().indexOfChild(old.getElement()),
                        replacement.getElement()));
        getChildren().filter(c -> id.equals(c.getId().orElse(null)) && c != replacement).findFirst()
                .ifPresent(this::remove);
    }

    private SessionForEditing session() {
        return Objects.requireNonNull(session, "shown only once the page found it");
    }

    private SessionFormChoices choices() {
        return Objects.requireNonNull(choices, "read when the page is entered");
    }
}
