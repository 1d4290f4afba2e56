package org.convene.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.account.AccountLink;
import org.convene.account.ConfirmOutcome;
import org.convene.account.EmailConfirmationService;
import org.convene.account.SendResult;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.MainLayout;

/**
 * Where the links in confirmation emails lead: opening one confirms the address (or moves the account to its new
 * address) and says so. Open without logging in, since people often read email on another device; a link that
 * no longer works says why and how to get a new one.
 */
@Route(value = "account/confirm/:token", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class ConfirmAddressView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final EmailConfirmationService confirmations;
    private final CurrentUser currentUser;
    private final Div status = AccountLinksUi.status("confirm-status");
    private String title = "Confirm your email address - Convene";

    public ConfirmAddressView(EmailConfirmationService confirmations, CurrentUser currentUser) {
        this.confirmations = confirmations;
        this.currentUser = currentUser;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        AccountLinksUi.setStatus(status, "", null);
        ConfirmOutcome outcome = confirmations.confirm(event.getRouteParameters().get("token").orElse(""));
        boolean signedIn = currentUser.get().isPresent();
        switch (outcome) {
            case ConfirmOutcome.Confirmed confirmed -> {
                title = "Your email address is confirmed - Convene";
                add(new H1("Your email address is confirmed"), status,
                        new Paragraph("Thank you. We now know that " + confirmed.email() + " is yours."),
                        next(signedIn));
            }
            case ConfirmOutcome.AddressChanged changed -> {
                title = "Your email address is changed - Convene";
                add(new H1("Your email address is changed"), status,
                        new Paragraph("Your account now uses " + changed.email() + ". Use this address next time "
                                + "you log in."),
                        next(signedIn));
            }
            case ConfirmOutcome.Refused refused -> {
                title = "This link does not work - Convene";
                add(new H1("This link does not work"), status, new Paragraph(refused.message()));
                if (refused.kind() == AccountLink.Kind.CHANGE_ADDRESS) {
                    add(next(signedIn));
                } else if (signedIn) {
                    Button again = new Button("Send the link again", e -> resend());
                    again.setId("send-again");
                    again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    add(again);
                } else {
                    add(new Paragraph(AccountLinksUi.link("login", "Log in to get a new link")));
                }
            }
        }
    }

    private Paragraph next(boolean signedIn) {
        return new Paragraph(signedIn ? AccountLinksUi.link("account", "Go to your account")
                : AccountLinksUi.link("login", "Log in to Convene"));
    }

    private void resend() {
        SendResult result = confirmations.resendConfirmation();
        AccountLinksUi.setStatus(status, result.message(),
                result instanceof SendResult.Sent ? "cv-success" : "cv-warning");
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
