package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convene.account.AccountField;
import org.convene.account.AccountService;
import org.convene.account.AccountValidationException;
import org.convene.account.UserSummary;
import org.convene.core.ui.MainLayout;

import java.util.Map;

/** The signed-in person's own account: who they are, their roles, and changing their password. */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/account.css")
public class AccountView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final ErrorSummary errorSummary = new ErrorSummary();
    /** Present from page load so that screen readers announce the confirmation when its text changes. */
    private final Div status = new Div();
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Confirm new password");
    private final Map<AccountField, Component> fields = Map.of(AccountField.CURRENT_PASSWORD, current,
            AccountField.NEW_PASSWORD, newPassword, AccountField.CONFIRM_PASSWORD, confirmation);
    private boolean showingErrors;

    public AccountView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("cv-narrow");
        status.getElement().setAttribute("role", "status");
        status.setId("account-status");

        current.setId("currentPassword");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
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
        removeAll();
        errorSummary.clear(current, newPassword, confirmation);
        showingErrors = false;
        setStatus("", null);
        current.clear();
        newPassword.clear();
        confirmation.clear();

        UserSummary me = accounts.myAccount();
        DescriptionList details = new DescriptionList();
        details.addClassName("cv-details");
        addDetail(details, "Name", me.displayName());
        addDetail(details, "Email address", me.email());
        addDetail(details, "Roles", RoleTexts.list(me.roles()));

        Button change = new Button("Change password", e -> changePassword());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(current, newPassword, confirmation, change);
        form.addClassName("cv-form");
        change.addClickShortcut(Key.ENTER).listenOn(form)
                // Blur and refocus first, so the field typed in last sends its value before the click.
                .resetFocusOnActiveElement();

        add(errorSummary, new H1("Your account"), status,
                new Section(new H2("Your details"), details),
                new Section(new H2("Change your password"), form));
    }

    private static void addDetail(DescriptionList list, String term, String description) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    private void changePassword() {
        errorSummary.clear(current, newPassword, confirmation);
        setStatus("", null);
        try {
            accounts.changePassword(current.getValue(), newPassword.getValue(), confirmation.getValue());
        } catch (AccountValidationException invalid) {
            errorSummary.show(ErrorSummary.problems(invalid.errors(), fields));
            showingErrors = true;
            getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
            return;
        }
        showingErrors = false;
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        current.clear();
        newPassword.clear();
        confirmation.clear();
        setStatus("Your password has been changed. Use your new password next time you log in.", "cv-success");
    }

    private void setStatus(String text, String className) {
        status.setText(text);
        status.removeClassNames("cv-success", "cv-warning");
        if (className != null) {
            status.addClassName(className);
        }
    }

    @Override
    public String getPageTitle() {
        return (showingErrors ? "Error: " : "") + "Your account - Convene";
    }
}
