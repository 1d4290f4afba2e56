package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.account.AccountField;
import org.convene.account.PasswordResetResult;
import org.convene.account.PasswordResetService;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;

import java.util.Map;
import java.util.Optional;

/**
 * Where a password-reset link leads: choose a new password, under the same rules as everywhere else. Opening the
 * page uses nothing up (mail scanners open links too); only saving does.
 */
@Route(value = "account/reset-password/:token", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class ResetPasswordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResetService resets;
    private final ErrorSummary errorSummary = new ErrorSummary();
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Confirm new password");
    private final Map<AccountField, Component> fields =
            Map.of(AccountField.NEW_PASSWORD, newPassword, AccountField.CONFIRM_PASSWORD, confirmation);
    private String token = "";
    private String title = "Choose a new password - Convene";
    private boolean showingErrors;

    public ResetPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassName("cv-narrow");
        newPassword.setId("newPassword");
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText(SignUpView.PASSWORD_ADVICE);
        confirmation.setId("confirmPassword");
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setHelperText("Type your new password again, to be sure.");
        for (Component field : fields.values()) {
            ((HasValidation) field).setManualValidation(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        showingErrors = false;
        errorSummary.clear(newPassword, confirmation);
        newPassword.clear();
        confirmation.clear();
        Optional<String> problem = resets.linkProblem(token);
        if (problem.isPresent()) {
            showRefused(problem.get());
            return;
        }
        removeAll();
        title = "Choose a new password - Convene";
        Button save = new Button("Save my new password", e -> submit());
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(newPassword, confirmation, save);
        form.addClassName("cv-form");
        save.addClickShortcut(Key.ENTER).listenOn(form).resetFocusOnActiveElement();
        add(errorSummary, new H1("Choose a new password"),
                new Paragraph("Choose a new password for your Convene account. After that, you can log in with it."),
                form);
    }

    private void submit() {
        errorSummary.clear(newPassword, confirmation);
        switch (resets.reset(token, newPassword.getValue(), confirmation.getValue())) {
            case PasswordResetResult.Done done -> {
                removeAll();
                showingErrors = false;
                title = "Your password is changed - Convene";
                Paragraph done1 = new Paragraph("You can now log in as " + done.email() + " with your new password.");
                done1.setId("reset-done");
                add(new H1("Your password is changed"), done1,
                        new Paragraph("Anywhere you were still logged in with the old password, you have been "
                                + "logged out."),
                        new Paragraph(AccountLinksUi.link("login", "Log in with your new password")));
            }
            case PasswordResetResult.Invalid invalid -> {
                errorSummary.show(ErrorSummary.problems(invalid.problems(), fields));
                showingErrors = true;
            }
            case PasswordResetResult.LinkRefused refused -> showRefused(refused.message());
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private void showRefused(String message) {
        removeAll();
        showingErrors = false;
        title = "This link does not work - Convene";
        add(new H1("This link does not work"), new Paragraph(message),
                new Paragraph(AccountLinksUi.link("account/forgotten-password", "Ask for a new link")));
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, title);
    }
}
