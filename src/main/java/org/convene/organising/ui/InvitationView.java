package org.convene.organising.ui;

import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convene.account.HostRoleService;
import org.convene.account.ui.SessionSignIn;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.MainLayout;
import org.convene.organising.HostCoordinatorService;
import org.convene.organising.InvitationOutcome;

/**
 * Where an invitation link leads: which organisation invites them, and a button to accept. Someone not signed in
 * is sent to log in by Vaadin's access control, which remembers this address, and comes back here after logging
 * in. Accepting gives the HOST role; the signed-in session is refreshed at once so the management and report
 * pages open without logging out and in again.
 */
@Route(value = "invitations/:token", layout = MainLayout.class)
@PermitAll
@StyleSheet(AdminPage.STYLES)
public class InvitationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final HostCoordinatorService coordinators;
    private final HostRoleService hostRoles;
    private final CurrentUser currentUser;
    private final Div status = AdminPage.status("invitation-status");
    private String token = "";
    private String title = "Invitation - Convene";

    public InvitationView(HostCoordinatorService coordinators, HostRoleService hostRoles, CurrentUser currentUser) {
        this.coordinators = coordinators;
        this.hostRoles = hostRoles;
        this.currentUser = currentUser;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        AdminPage.setStatus(status, "", null);
        show(coordinators.preview(token), false);
    }

    private void show(InvitationOutcome outcome, boolean justAccepted) {
        removeAll();
        switch (outcome) {
            case InvitationOutcome.Open open when justAccepted -> {
                title = "You now coordinate " + open.hostName() + " - Convene";
                UnorderedList next = new UnorderedList(
                        new ListItem(AdminPage.link("manage", "Manage " + open.hostName() + "\u2019s sessions")),
                        new ListItem(AdminPage.link("reports", "See the attendance reports of your sessions")));
                add(new H1("You now coordinate " + open.hostName()), status,
                        new Paragraph("You can add and change " + open.hostName() + "\u2019s sessions, choose their "
                                + "facilitators and see their attendance reports."), next);
                AdminPage.setStatus(status, "You accepted the invitation.", "cv-success");
            }
            case InvitationOutcome.Open open -> {
                title = "Join " + open.hostName() + " - Convene";
                Button accept = new Button("Accept the invitation", e -> accept());
                accept.addThemeVariants(ButtonVariant.PRIMARY);
                accept.setId("accept");
                add(new H1("Coordinate " + open.hostName() + "\u2019s sessions"), status,
                        new Paragraph("The organisers invite you to coordinate the sessions of " + open.hostName()
                                + " on Convene, signed in as " + currentUser.require().email() + "."),
                        new Paragraph("As a coordinator you can add and change your organisation\u2019s sessions, "
                                + "choose their facilitators and see their attendance reports. You cannot change "
                                + "other organisations\u2019 sessions."),
                        accept);
            }
            case InvitationOutcome.Refused refused -> {
                title = "You cannot use this invitation - Convene";
                add(new H1("You cannot use this invitation"), status, new Paragraph(refused.message()));
                if (refused.reason() == InvitationOutcome.Reason.WRONG_ACCOUNT) {
                    add(new Paragraph("You are logged in as " + currentUser.require().email() + "."));
                }
                if (refused.reason() == InvitationOutcome.Reason.UNCONFIRMED_ADDRESS) {
                    add(new Paragraph(AdminPage.link("account", "Go to your account page to confirm your address")));
                }
            }
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(title));
    }

    private void accept() {
        InvitationOutcome outcome = coordinators.accept(token);
        if (outcome instanceof InvitationOutcome.Open) {
            // The roles in this session were read at log-in; put the new one in now.
            SessionSignIn.refresh(hostRoles.reloadSignedIn());
        }
        show(outcome, outcome instanceof InvitationOutcome.Open);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
