package org.convene.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.account.PasswordResetService;
import org.convene.account.SendResult;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;

/**
 * Ask for a link to choose a new password. The answer is the same whether or not an account uses the address
 * ({@link PasswordResetService#SAME_ANSWER}), so the page cannot be used to find out who has an account.
 */
@Route(value = "account/forgotten-password", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class ForgottenPasswordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResetService resets;
    private final ErrorSummary errorSummary = new ErrorSummary();
    private final EmailField email = new EmailField("Email address");
    private final Div status = AccountLinksUi.status("forgotten-status");
    private boolean showingErrors;

    public ForgottenPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassName("cv-narrow");
        email.setId("email");
        email.setManualValidation(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setAutocapitalize(Autocapitalize.NONE);
        email.setAutocorrect(false);
        email.setHelperText("The address you log in with.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        errorSummary.clear(email);
        email.clear();
        showingErrors = false;
        AccountLinksUi.setStatus(status, "", null);

        Button send = new Button("Send me a link", e -> submit());
        send.setId("send-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(email, send);
        form.addClassName("cv-form");
        send.addClickShortcut(Key.ENTER).listenOn(form).resetFocusOnActiveElement();
        add(errorSummary, new H1("Forgotten your password?"),
                new Paragraph("Enter the email address you use for Convene. We will email you a link to choose a "
                        + "new password."),
                form, status,
                new Paragraph(AccountLinksUi.link("login", "Back to log in")));
    }

    private void submit() {
        errorSummary.clear(email);
        SendResult result = resets.requestReset(email.getValue());
        if (result instanceof SendResult.NotSent(String message)) {
            AccountLinksUi.setStatus(status, "", null);
            errorSummary.show(email, message);
            showingErrors = true;
        } else {
            AccountLinksUi.setStatus(status, result.message(), "cv-success");
            showingErrors = false;
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Forgotten your password? - Convene");
    }
}
