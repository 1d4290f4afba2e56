package org.convene.organising.ui;

import org.convene.core.time.DateTexts;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
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
import org.convene.organising.AssignedPerson;
import org.convene.programme.ConferenceSummary;
import org.convene.organising.FacilitatorAssignment;
import org.convene.programme.ProgrammeService;
import org.convene.organising.SessionAdminService;
import org.convene.programme.SessionDraft;
import org.convene.organising.SessionFormChoices;
import org.convene.organising.SessionForEditing;
import org.convene.programme.SessionRules;
import org.convene.organising.SessionSaveResult;
import org.convene.organising.SessionRegistration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    static final String CONFLICT = EditorStatus.CONFLICT;
    private static final String SAVED_KEY = "cv-session-editor-saved";

    private final SessionAdminService admin;
    private final ProgrammeService programme;

    private final ErrorSummary errors = new ErrorSummary(2);
    private final EditorStatus status = new EditorStatus();
    private final SessionFormFields form = new SessionFormFields();
    private final FacilitatorsSection facilitators = new FacilitatorsSection();
    private final FacilitatorsSection captioners = FacilitatorsSection.captioners();
    private final SpeakersSection speakers;
    private final List<SessionEditorSection> sections;
    private final Div contributed = new Div();

    private @Nullable SessionFormChoices choices;
    private @Nullable SessionForEditing session;
    private String pageTitle = "Add a session - Convene";
    private boolean showingErrors;
    /** The draft an overlap warning was about: "Save anyway" confirms that one, not whatever was typed since. */
    private @Nullable SessionDraft warnedDraft;

    public SessionEditorView(SessionAdminService admin, ProgrammeService programme,
                             ObjectProvider<SessionEditorSection> sections) {
        this.admin = admin;
        this.programme = programme;
        this.sections = sections.orderedStream().toList();
        addClassName("cv-manage");
        this.speakers = new SpeakersSection(admin::people);
        facilitators.addPersonListener(this::facilitatorChange);
        captioners.addPersonListener(this::captionerChange);
        speakers.addPersonListener(this::speakerChange);
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
            form.fill(null);
        } else {
            SessionForEditing found = admin.forEditing(IdParameter.require(event, "id"))
                    .orElseThrow(() -> new NotFoundException("No such session"));
            session = found;
            choices = admin.choices(found.conference().id()).orElseThrow();
            buildForm();
            form.fill(found);
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
        errors.clear(form.fields());
        facilitators.clearProblem();
        captioners.clearProblem();
        status.clear();

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
        add(status.components());

        Button save = new Button(session == null ? "Save session" : "Save changes", e -> save(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-session");
        form.prepare(choices(), session, save);
        add(form);

        if (session == null) {
            add(new Paragraph("You can add facilitators, speakers and captioners after you save the session."));
        } else {
            facilitators.show(session.facilitators());
            speakers.show(session.speakers());
            captioners.show(session.captioners());
            add(facilitators, speakers, captioners, contributed);
            addContributed(session.id());
        }
        add(new Paragraph(AdminPage.link(ManageLinks.withConference(ManageLinks.HUB, conference.slug()),
                "Back to the sessions of " + conference.name())));
    }

    private void addContributed(long sessionId) {
        contributed.removeAll();
        sections.forEach(section -> section.create(sessionId).ifPresent(contributed::add));
    }

    private Nav sessionLinks(SessionForEditing editing, ConferenceSummary conference) {
        UnorderedList list = new UnorderedList(
                new ListItem(AdminPage.link(ConferenceLinks.session(editing.id()), "See the session's public page")),
                new ListItem(AdminPage.link(ManageLinks.registrations(editing.id()), "Requests for a place")),
                new ListItem(AdminPage.link(ManageLinks.materials(editing.id()), "Add slides and handouts")),
                new ListItem(AdminPage.link(ManageLinks.recording(editing.id()), "Publish the recording")),
                new ListItem(AdminPage.link(ManageLinks.captions(editing.id()), "Live captions and transcript")),
                new ListItem(AdminPage.link(ManageLinks.cancellation(editing.id()), "Cancel or restore this session")));
        list.addClassName("cv-manage-links");
        Nav nav = new Nav(list);
        nav.getElement().setAttribute("aria-label", "This session's other pages");
        return nav;
    }

    // ---- saving -------------------------------------------------------------------------------------------

    private void save(boolean overlapConfirmed) {
        errors.clear(form.fields());
        status.clear();
        setShowingErrors(false);
        Map<Component, String> problems = new LinkedHashMap<>();
        SessionDraft draft = form.draft(problems);
        SessionRegistration registration = form.registration();
        overlapConfirmed = overlapConfirmed && draft.equals(warnedDraft);
        warnedDraft = null;
        if (!problems.isEmpty()) {
            // Everything else that is wrong too, so that one round of corrections is enough.
            form.addProblems(problems, SessionRules.check(draft, choices().conference()));
            SessionRules.checkRegistrationCloses(registration.closesAt(), draft.endsAt())
                    .ifPresent(problem -> form.addProblems(problems, List.of(problem)));
            showProblems(problems);
            return;
        }
        SessionSaveResult result;
        try {
            result = session == null ? admin.create(draft, registration, overlapConfirmed)
                    : admin.update(session.id(), session.version(), draft, registration, overlapConfirmed);
        } catch (AccessDeniedException refused) {
            status.warning(refused.getMessage() + " Nothing has been saved.");
            return;
        }
        switch (result) {
            case SessionSaveResult.Saved saved -> saved(saved);
            case SessionSaveResult.Invalid invalid -> {
                form.addProblems(problems, invalid.problems());
                showProblems(problems);
            }
            case SessionSaveResult.OverlapWarning overlap -> {
                warnedDraft = draft;
                status.showOverlap(overlap.overlappingTitles(), () -> save(true));
            }
            case SessionSaveResult.Conflict conflict -> status.showConflict(this::reload);
        }
    }

    private void showProblems(Map<Component, String> problems) {
        errors.show(form.inFormOrder(problems));
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
        form.fill(session);
        addContributed(session.id());
        confirm("Your changes have been saved.");
    }

    private void confirm(String text) {
        status.success(text);
        Notification.show(text, 5000, Notification.Position.TOP_CENTER);
    }

    private void reload() {
        errors.clear(form.fields());
        Optional<SessionForEditing> latest = admin.forEditing(session().id());
        if (latest.isEmpty()) {
            showMessage("Session not found", "This session has been removed from the programme.");
            return;
        }
        session = latest.get();
        buildForm();
        form.fill(session);
        status.success("This is the latest version of the session.");
    }

    // ---- facilitators and speakers ------------------------------------------------------------------------

    private void facilitatorChange(PersonEvent<FacilitatorsSection> event) {
        if (event.change() == PersonEvent.Change.REMOVE) {
            AssignedPerson person = Objects.requireNonNull(event.person(), "a removal names the person");
            if (tried(() -> admin.removeFacilitator(session().id(), person.personId()))) {
                peopleChanged(person.name() + " is no longer a facilitator of this session.");
            }
            return;
        }
        FacilitatorAssignment result;
        try {
            result = admin.addFacilitator(session().id(),
                    Objects.requireNonNull(event.email(), "an addition names the email address"));
        } catch (AccessDeniedException refused) {
            status.warning(refused.getMessage());
            return;
        }
        switch (result) {
            case FacilitatorAssignment.Refused refused -> facilitators.refused(refused.message());
            case FacilitatorAssignment.AlreadyAssigned already ->
                    peopleChanged(already.person().name() + " is already a facilitator of this session.");
            case FacilitatorAssignment.Added added ->
                    peopleChanged(added.person().name() + " is now a facilitator of this session.");
        }
    }

    private void captionerChange(PersonEvent<FacilitatorsSection> event) {
        if (event.change() == PersonEvent.Change.REMOVE) {
            AssignedPerson person = Objects.requireNonNull(event.person(), "a removal names the person");
            if (tried(() -> admin.removeCaptioner(session().id(), person.personId()))) {
                peopleChanged(person.name() + " is no longer a captioner of this session.");
            }
            return;
        }
        FacilitatorAssignment result;
        try {
            result = admin.addCaptioner(session().id(),
                    Objects.requireNonNull(event.email(), "an addition names the email address"));
        } catch (AccessDeniedException refused) {
            status.warning(refused.getMessage());
            return;
        }
        switch (result) {
            case FacilitatorAssignment.Refused refused -> captioners.refused(refused.message());
            case FacilitatorAssignment.AlreadyAssigned already ->
                    peopleChanged(already.person().name() + " is already a captioner of this session.");
            case FacilitatorAssignment.Added added ->
                    peopleChanged(added.person().name() + " is now a captioner of this session.");
        }
    }

    private void speakerChange(PersonEvent<SpeakersSection> event) {
        AssignedPerson person = event.person();
        if (event.change() == PersonEvent.Change.REMOVE) {
            AssignedPerson removed = Objects.requireNonNull(person, "a removal names the person");
            if (tried(() -> admin.removeSpeaker(session().id(), removed.personId()))) {
                peopleChanged(removed.name() + " is no longer a speaker of this session.");
            }
            return;
        }
        if (person == null) {
            status.warning("Choose a person to add as a speaker.");
            return;
        }
        try {
            boolean added = admin.addSpeaker(session().id(), person.personId());
            peopleChanged(person.name() + (added ? " is now a speaker of this session."
                    : " is already a speaker of this session."));
        } catch (AccessDeniedException refused) {
            status.warning(refused.getMessage());
        }
    }

    /** Runs a change of people; a refusal is said in the status and nothing else happens. */
    private boolean tried(Runnable change) {
        try {
            change.run();
            return true;
        } catch (AccessDeniedException refused) {
            status.warning(refused.getMessage());
            return false;
        }
    }

    /**
     * Redraws the people sections only: the form above may hold changes not yet saved, which must stay.
     * The session's version is not touched by people changes, so the form's version stays right too.
     */
    private void peopleChanged(String message) {
        SessionForEditing shown = session();
        SessionForEditing latest = admin.forEditing(shown.id()).orElseThrow();
        SessionForEditing changed = new SessionForEditing(shown.id(), shown.conference(), shown.version(),
                shown.reference(), shown.title(), shown.summaryMarkdown(), shown.format(), shown.startsAt(),
                shown.endsAt(), shown.trackId(), shown.hostId(), shown.joinUrl(), shown.capacity(), shown.access(),
                shown.accessNotes(), shown.cancelledAt(), shown.registration(), latest.facilitators(), latest.speakers(),
                latest.captioners());
        session = changed;
        facilitators.show(changed.facilitators());
        speakers.show(changed.speakers());
        captioners.show(changed.captioners());
        status.success(message);
    }

    private SessionForEditing session() {
        return Objects.requireNonNull(session, "shown only once the page found it");
    }

    private SessionFormChoices choices() {
        return Objects.requireNonNull(choices, "read when the page is entered");
    }

}
