package org.convene.organising.ui;

import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceSettingsSection;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;
import org.convene.organising.ConferenceAdminService;
import org.convene.organising.ConferenceEdit;
import org.convene.core.SaveResult;
import org.convene.organising.TrackRow;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conference's details and its tracks. Details save with the version they were loaded with, so two organisers
 * cannot overwrite each other; tracks are added, renamed, put in order and removed one at a time, removal after
 * a confirmation that says how many sessions would be left without a track.
 */
@Route(value = "manage/conferences/:slug", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class ConferenceEditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ConferenceAdminService admin;
    private final List<ConferenceSettingsSection> sections;
    private final ErrorSummary errors = new ErrorSummary();
    private final Div conflict = AdminPage.conflict(this::loadLatest);
    private final Div status = AdminPage.status("conference-status");
    private final Div trackStatus = AdminPage.status("track-status");
    private final OrderedList trackList = new OrderedList();
    private final TextField newTrack = new TextField("Track name");
    private @Nullable ConferenceFields fields;
    private @Nullable ConferenceEdit conference;
    private String title = "Conference - Convene";
    private boolean showingErrors;

    public ConferenceEditView(ConferenceAdminService admin, ObjectProvider<ConferenceSettingsSection> sections) {
        this.admin = admin;
        this.sections = sections.orderedStream()
                .sorted(Comparator.comparingInt(ConferenceSettingsSection::order)).toList();
        addClassName("cv-narrow");
        newTrack.setId("new-track");
        newTrack.setManualValidation(true);
        trackList.addClassName("cv-track-list");
        trackList.setId("tracks");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        conference = admin.conference(slug).orElseThrow(() -> new NotFoundException("No such conference"));
        removeAll();
        showingErrors = false;
        fields = new ConferenceFields();
        fields.fill(conference);
        errors.clear(fields.fields().values());
        conflict.setVisible(false);
        AdminPage.setStatus(status, "", null);
        AdminPage.setStatus(trackStatus, "", null);
        title = conference.name() + " - Convene";

        Button save = new Button("Save changes", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-conference");
        Section details = new Section(new H2("Details"), fields, save);

        newTrack.clear();
        newTrack.setInvalid(false);
        Button add = new Button("Add track", e -> addTrack());
        add.setId("add-track");
        add.addClickShortcut(Key.ENTER).listenOn(newTrack).resetFocusOnActiveElement();
        Div addRow = new Div(newTrack, add);
        addRow.addClassName("cv-inline-form");
        Section tracks = new Section(new H2("Tracks"),
                new Paragraph("Tracks group sessions by subject. They are shown in this order in the timetable."),
                trackStatus, trackList, addRow);
        renderTracks();

        add(AdminPage.backToManage(), errors, conflict, new H1(conference.name()), status, details, tracks);
        long id = conference.id();
        sections.stream().map(s -> s.create(id)).flatMap(Optional::stream).forEach(this::add);
        add(new Paragraph(AdminPage.link("manage/conferences", "Back to conferences")));
    }

    private void save() {
        errors.clear(fields().fields().values());
        conflict.setVisible(false);
        SaveResult<ConferenceEdit> result = admin.updateConference(conference().id(), conference().version(),
                fields().read());
        showingErrors = false;
        switch (result) {
            case SaveResult.Saved<ConferenceEdit> saved -> {
                boolean moved = !saved.value().slug().equals(conference().slug());
                conference = saved.value();
                title = conference.name() + " - Convene";
                if (moved) {
                    // The address follows the short name, so a reload finds the page again.
                    UI.getCurrent().navigate(ConferenceEditView.class, new RouteParameters("slug", conference.slug()));
                }
                AdminPage.setStatus(status, "Saved the changes to " + conference.name() + ".", "cv-success");
            }
            case SaveResult.Invalid<ConferenceEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields().fields()));
            }
            case SaveResult.Conflict<ConferenceEdit> stale -> AdminPage.showConflict(conflict);
        }
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void loadLatest() {
        admin.conference(conference().slug()).or(() -> admin.conferences().stream()
                        .filter(c -> c.id() == conference().id()).findFirst().flatMap(c -> admin.conference(c.slug())))
                .ifPresent(latest -> {
                    conference = latest;
                    fields().fill(latest);
                    errors.clear(fields().fields().values());
                    conflict.setVisible(false);
                    renderTracks();
                    AdminPage.setStatus(status, "Loaded the latest version. Make your changes again.", null);
                });
    }

    // --- tracks

    private void reloadTracks() {
        admin.conference(conference().slug()).ifPresent(latest -> conference = new ConferenceEdit(conference().id(),
                conference().slug(), conference().name(), conference().theme(), conference().description(),
                conference().timeZone(), conference().firstDay(), conference().lastDay(), conference().version(),
                latest.tracks(), conference().joinNeedsAccount()));
        renderTracks();
    }

    private void renderTracks() {
        trackList.removeAll();
        List<TrackRow> tracks = conference().tracks();
        if (tracks.isEmpty()) {
            trackList.setVisible(false);
            return;
        }
        trackList.setVisible(true);
        for (int i = 0; i < tracks.size(); i++) {
            trackList.add(trackItem(tracks.get(i), i + 1, i == 0, i == tracks.size() - 1));
        }
    }

    private ListItem trackItem(TrackRow track, int place, boolean first, boolean last) {
        TextField name = new TextField("Name of track " + place);
        name.setValue(track.name());
        name.setId("track-" + track.id());
        name.setManualValidation(true);
        name.setHelperText(track.sessions() == 1 ? "1 session" : track.sessions() + " sessions");
        Button rename = new Button("Save name", e -> renameTrack(track, name));
        Button up = new Button("Move up", e -> moveTrack(track, true));
        Button down = new Button("Move down", e -> moveTrack(track, false));
        up.setEnabled(!first);
        down.setEnabled(!last);
        Div confirm = new Div();
        confirm.addClassName("cv-confirm");
        confirm.setVisible(false);
        Button remove = new Button("Remove", e -> confirmRemoval(track, confirm));
        for (Button button : List.of(rename, up, down, remove)) {
            button.setAriaLabel(button.getText() + ": " + track.name());
        }
        Div buttons = new Div(rename, up, down, remove);
        buttons.addClassName("cv-button-row");
        ListItem item = new ListItem(name, buttons, confirm);
        item.addClassName("cv-track");
        return item;
    }

    private void addTrack() {
        newTrack.setInvalid(false);
        switch (admin.addTrack(conference().id(), newTrack.getValue())) {
            case SaveResult.Saved<TrackRow> saved -> {
                newTrack.clear();
                reloadTracks();
                AdminPage.setStatus(trackStatus, "Added the track " + saved.value().name() + ".", "cv-success");
            }
            case SaveResult.Invalid<TrackRow> invalid -> {
                String message = Objects.requireNonNull(invalid.problems().get(ConferenceAdminService.TRACK_NAME),
                        "a refused track has a problem with its name");
                newTrack.setErrorMessage(message);
                newTrack.setInvalid(true);
                AdminPage.setStatus(trackStatus, message, "cv-warning");
                newTrack.focus();
            }
            case SaveResult.Conflict<TrackRow> stale -> reloadTracks();
        }
    }

    private void renameTrack(TrackRow track, TextField name) {
        name.setInvalid(false);
        switch (admin.renameTrack(track.id(), track.version(), name.getValue())) {
            case SaveResult.Saved<TrackRow> saved -> {
                reloadTracks();
                AdminPage.setStatus(trackStatus, "Renamed the track to " + saved.value().name() + ".", "cv-success");
            }
            case SaveResult.Invalid<TrackRow> invalid -> {
                String message = Objects.requireNonNull(invalid.problems().get(ConferenceAdminService.TRACK_NAME),
                        "a refused track has a problem with its name");
                name.setErrorMessage(message);
                name.setInvalid(true);
                AdminPage.setStatus(trackStatus, message, "cv-warning");
                name.focus();
            }
            case SaveResult.Conflict<TrackRow> stale -> {
                reloadTracks();
                AdminPage.setStatus(trackStatus, "Someone else changed this track while you were editing it. Your "
                        + "changes have not been saved. The list now shows the latest version.", "cv-warning");
            }
        }
    }

    private void moveTrack(TrackRow track, boolean up) {
        admin.moveTrack(track.id(), up);
        reloadTracks();
        int position = conference().tracks().stream().filter(t -> t.id() == track.id()).findFirst()
                .map(t -> conference().tracks().indexOf(t) + 1).orElse(0);
        AdminPage.setStatus(trackStatus, position > 0 ? "Moved " + track.name() + " to place " + position + " of "
                + conference().tracks().size() + "." : "That track has been removed.", null);
    }

    private void confirmRemoval(TrackRow track, Div confirm) {
        int sessions = admin.sessionsInTrack(track.id());
        confirm.removeAll();
        String text = sessions == 0 ? "No sessions use the track " + track.name() + "."
                : (sessions == 1 ? "1 session uses" : sessions + " sessions use") + " the track " + track.name()
                + ". If you remove the track, " + (sessions == 1 ? "it" : "they") + " will have no track.";
        Paragraph question = new Paragraph(text + " Remove it?");
        question.getElement().setAttribute("tabindex", "-1");
        Button yes = new Button("Yes, remove the track", e -> {
            int without = admin.removeTrack(track.id());
            reloadTracks();
            AdminPage.setStatus(trackStatus, "Removed the track " + track.name() + "."
                    + (without == 0 ? "" : " " + (without == 1 ? "1 session has" : without + " sessions have")
                    + " no track now."), "cv-success");
        });
        yes.addThemeVariants(ButtonVariant.ERROR);
        Button no = new Button("Cancel", e -> confirm.setVisible(false));
        Div buttons = new Div(yes, no);
        buttons.addClassName("cv-button-row");
        confirm.add(question, buttons);
        confirm.setVisible(true);
        question.getElement().executeJs("this.focus()");
    }

    ErrorSummary errors() {
        return errors;
    }

    ConferenceFields fields() {
        return Objects.requireNonNull(fields, "made when the page is entered");
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, title);
    }

    private ConferenceEdit conference() {
        return Objects.requireNonNull(conference, "shown only once the page found it");
    }
}
