package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.account.AccountField;
import org.convene.account.AccountService;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;

import java.util.Map;

/** Create an account: name, email address and password. Everyone starts as an attendee. */
@Route(value = "signup", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class SignUpView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String PASSWORD_ADVICE = "Use 10 characters or more. Do not use a common password, your name "
            + "or your email address. Three random words together are strong and easy to remember.";

    static final String CREATED = "Your account has been created and you are logged in. We have emailed you a link: "
            + "open it to confirm your email address.";

    private final AccountService accounts;
    private final ErrorSummary errorSummary = new ErrorSummary();
    private final TextField displayName = new TextField("Your name");
    private final EmailField email = new EmailField("Email address");
    private final PasswordField password = new PasswordField("Create a password");
    private final Map<AccountField, Component> fields = Map.of(
            AccountField.DISPLAY_NAME, displayName, AccountField.EMAIL, email, AccountField.PASSWORD, password);
    private boolean showingErrors;

    public SignUpView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("cv-narrow");

        displayName.setId("displayName");
        displayName.setHelperText("Other people see this name, for example beside questions you ask.");
        displayName.setAutocomplete(Autocomplete.NAME);

        email.setId("email");
        email.setHelperText("You will use this to log in.");
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setAutocapitalize(Autocapitalize.NONE);
        email.setAutocorrect(false);

        password.setId("password");
        password.setHelperText(PASSWORD_ADVICE);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);

        for (Component field : fields.values()) {
            // Checked on submit only (GOV.UK), never while someone is still typing.
            ((HasValidation) field).setManualValidation(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        errorSummary.clear(displayName, email, password);
        showingErrors = false;

        Button create = new Button("Create account", e -> submit());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(displayName, email, password, create);
        form.addClassName("cv-form");
        create.addClickShortcut(Key.ENTER).listenOn(form)
                // Blur and refocus first, so the field typed in last sends its value before the click.
                .resetFocusOnActiveElement();

        Anchor logIn = new Anchor("login", "log in");
        logIn.getElement().setAttribute("router-link", "");
        add(errorSummary, new H1("Create an account"),
                new Paragraph("With an account you can build your own agenda and ask questions in sessions."),
                new Paragraph(new Span("Already have an account? You can "), logIn, new Span(" instead.")),
                form);
    }

    private void submit() {
        errorSummary.clear(displayName, email, password);
        SaveResult<ConveneUser> result = accounts.signUp(displayName.getValue(), email.getValue(), password.getValue());
        if (!(result instanceof SaveResult.Saved<ConveneUser>(ConveneUser user))) {
            showProblems(result);
            return;
        }
        SessionSignIn.signIn(user);
        UI.getCurrent().navigate("");
        Notification.show(CREATED, 10000, Notification.Position.TOP_CENTER);
    }

    /** Account forms are never in conflict: anything but Saved lists what to correct. */
    private void showProblems(SaveResult<ConveneUser> result) {
        if (result instanceof SaveResult.Invalid<ConveneUser> invalid) {
            errorSummary.show(ErrorSummary.problems(AccountField.problems(invalid), fields));
        }
        showingErrors = true;
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Create an account - Convene");
    }
}
