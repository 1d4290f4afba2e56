package org.convene.organising.ui;

import org.convene.core.ui.DateTexts;
import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
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
import org.convene.organising.HostAdminService;
import org.convene.organising.HostCoordinator;
import org.convene.organising.HostCoordinatorService;
import org.convene.organising.HostEdit;
import org.convene.organising.HostInvitation;
import org.convene.organising.NewHostInvitation;
import org.convene.core.PublicBaseUrl;
import org.convene.core.SaveResult;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A host organisation: its details, the people who coordinate its sessions, and invitations for new ones.
 * An invitation is a link emailed to the address the organiser gives, and shown here once to send on another way.
 */
@Route(value = "manage/hosts/:id(\\d+)", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class HostEditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Organisers are in the UK; invitation dates are days, so the zone matters little. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final HostAdminService admin;
    private final HostCoordinatorService coordinators;
    private final PublicBaseUrl base;
    private final ErrorSummary errors = new ErrorSummary();
    private final Div conflict = AdminPage.conflict(this::loadLatest);
    private final Div status = AdminPage.status("host-status");
    private final Div peopleStatus = AdminPage.status("coordinator-status");
    private final UnorderedList coordinatorList = new UnorderedList();
    private final UnorderedList invitationList = new UnorderedList();
    private final Div newLink = new Div();
    private final EmailField inviteEmail = new EmailField("Email address");
    private @Nullable HostFields fields;
    private @Nullable HostEdit host;
    private String title = "Host organisation - Convene";
    private boolean showingErrors;

    public HostEditView(HostAdminService admin, HostCoordinatorService coordinators, PublicBaseUrl base) {
        this.admin = admin;
        this.coordinators = coordinators;
        this.base = base;
        addClassName("cv-narrow");
        inviteEmail.setId("invite-email");
        inviteEmail.setManualValidation(true);
        inviteEmail.setHelperText("The address of their Convene account. They need an account to accept.");
        coordinatorList.setId("coordinators");
        invitationList.setId("invitations");
        newLink.setId("invitation-link");
        newLink.addClassName("cv-invitation-link");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        host = admin.host(IdParameter.require(event, "id"))
                .orElseThrow(() -> new NotFoundException("No such host organisation"));
        removeAll();
        showingErrors = false;
        title = host.name() + " - Convene";
        fields = new HostFields();
        fields.fill(host);
        errors.clear(fields.fields().values());
        conflict.setVisible(false);
        AdminPage.setStatus(status, "", null);
        AdminPage.setStatus(peopleStatus, "", null);
        newLink.removeAll();
        newLink.setVisible(false);
        inviteEmail.clear();
        inviteEmail.setInvalid(false);

        Button save = new Button("Save changes", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-host");

        Button invite = new Button("Send an invitation", e -> invite());
        invite.setId("invite");
        invite.addClickShortcut(Key.ENTER).listenOn(inviteEmail).resetFocusOnActiveElement();
        Div inviteRow = new Div(inviteEmail, invite);
        inviteRow.addClassName("cv-inline-form");

        add(AdminPage.backToManage(), errors, conflict, new H1(host.name()), status,
                new Section(new H2("Details"), fields, save),
                new Section(new H2("Coordinators"),
                        new Paragraph("Coordinators can add and change this organisation's sessions, choose their "
                                + "facilitators and see their attendance reports. They cannot change anything else."),
                        peopleStatus, coordinatorList,
                        new H3("Invite a coordinator"),
                        new Paragraph("Enter their email address. We email them an invitation link, and show "
                                + "it here once so you can also send it another way."),
                        inviteRow, newLink,
                        new H3("Invitations not yet accepted"), invitationList),
                new Paragraph(AdminPage.link("manage/hosts", "Back to host organisations")));
        renderPeople();
    }

    private void save() {
        errors.clear(fields().fields().values());
        conflict.setVisible(false);
        showingErrors = false;
        switch (admin.updateHost(host().id(), host().version(), fields().read())) {
            case SaveResult.Saved<HostEdit> saved -> {
                host = saved.value();
                title = host.name() + " - Convene";
                AdminPage.setStatus(status, "Saved the changes to " + host.name() + ".", "cv-success");
            }
            case SaveResult.Invalid<HostEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields().fields()));
            }
            case SaveResult.Conflict<HostEdit> stale -> AdminPage.showConflict(conflict);
        }
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void loadLatest() {
        admin.host(host().id()).ifPresent(latest -> {
            host = latest;
            fields().fill(latest);
            errors.clear(fields().fields().values());
            conflict.setVisible(false);
            AdminPage.setStatus(status, "Loaded the latest version. Make your changes again.", null);
        });
    }

    // --- coordinators and invitations

    private void renderPeople() {
        coordinatorList.removeAll();
        List<HostCoordinator> people = coordinators.coordinators(host().id());
        for (HostCoordinator person : people) {
            Button remove = new Button("Remove", e -> remove(person));
            remove.setAriaLabel("Remove " + person.displayName() + " as coordinator");
            ListItem item = new ListItem(new Span(person.displayName() + " (" + person.email() + ")"), remove);
            item.addClassName("cv-admin-row");
            coordinatorList.add(item);
        }
        if (people.isEmpty()) {
            coordinatorList.add(new ListItem("Nobody coordinates this organisation yet."));
        }

        invitationList.removeAll();
        List<HostInvitation> open = coordinators.openInvitations(host().id());
        for (HostInvitation invitation : open) {
            String state = invitation.expired()
                    ? "expired on " + DateTexts.day(LocalDate.ofInstant(invitation.expiresAt(), UK))
                    : "works until " + DateTexts.day(LocalDate.ofInstant(invitation.expiresAt(), UK));
            Button revoke = new Button(invitation.expired() ? "Remove" : "Revoke", e -> revoke(invitation));
            revoke.setAriaLabel((invitation.expired() ? "Remove" : "Revoke") + " the invitation for "
                    + invitation.email());
            ListItem item = new ListItem(new Span(invitation.email() + ", " + state), revoke);
            item.addClassName("cv-admin-row");
            invitationList.add(item);
        }
        if (open.isEmpty()) {
            invitationList.add(new ListItem("There are no invitations waiting."));
        }
    }

    private void remove(HostCoordinator person) {
        if (coordinators.removeCoordinator(host().id(), person.userId())) {
            AdminPage.setStatus(peopleStatus, person.displayName() + " no longer coordinates " + host().name() + ".",
                    "cv-success");
        }
        renderPeople();
    }

    private void revoke(HostInvitation invitation) {
        coordinators.revokeInvitation(invitation.id());
        newLink.setVisible(false);
        newLink.removeAll();
        AdminPage.setStatus(peopleStatus, "The invitation for " + invitation.email() + " no longer works.",
                "cv-success");
        renderPeople();
    }

    private void invite() {
        inviteEmail.setInvalid(false);
        newLink.removeAll();
        newLink.setVisible(false);
        switch (coordinators.invite(host().id(), inviteEmail.getValue())) {
            case SaveResult.Saved<NewHostInvitation> saved -> {
                showLink(saved.value());
                inviteEmail.clear();
                renderPeople();
            }
            case SaveResult.Invalid<NewHostInvitation> invalid -> {
                String message = Objects.requireNonNull(invalid.problems().get(HostCoordinatorService.EMAIL),
                        "a refused invitation has a problem with its email");
                inviteEmail.setErrorMessage(message);
                inviteEmail.setInvalid(true);
                AdminPage.setStatus(peopleStatus, message, "cv-warning");
                inviteEmail.focus();
            }
            case SaveResult.Conflict<NewHostInvitation> stale -> renderPeople();
        }
    }

    private void showLink(NewHostInvitation invitation) {
        // on the configured address, never the request's Host header: the link is sent to someone by email
        String url = base.link(invitation.path());
        TextField link = new TextField("Invitation link for " + invitation.email());
        link.setId("invitation-url");
        link.setValue(url);
        link.setReadOnly(true);
        link.setWidthFull();
        Button copy = new Button("Copy link");
        copy.setId("copy-link");
        copy.addClickListener(e -> copy.getElement().executeJs(
                "navigator.clipboard.writeText($0).then(() => { $1.textContent = $2; }, () => { $1.textContent = $3; })",
                url, peopleStatus.getElement(), "Copied the link.",
                "Could not copy. Select the link and copy it yourself."));
        Paragraph instructions = new Paragraph("We have emailed this link to them. You can also copy it and send "
                + "it another way. It works once, until "
                + DateTexts.day(LocalDate.ofInstant(invitation.expiresAt(), UK)) + ", for the person who logs in "
                + "with " + invitation.email() + ". We will not show it again: if it is lost, make a new one.");
        newLink.add(new H3("Invitation sent"), link, copy, instructions);
        newLink.setVisible(true);
        AdminPage.setStatus(peopleStatus, "Emailed an invitation link to " + invitation.email() + ".", "cv-success");
        link.focus();
    }


    ErrorSummary errors() {
        return errors;
    }

    HostFields fields() {
        return Objects.requireNonNull(fields, "made when the page is entered");
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, title);
    }

    /** For tests: what the page has in its status region about coordinators. */
    String peopleStatus() {
        return peopleStatus.getText();
    }

    private HostEdit host() {
        return Objects.requireNonNull(host, "shown only once the page found it");
    }
}
