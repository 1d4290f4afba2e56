package org.convene.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.account.AccountSessions;
import org.convene.account.LoginFailures;
import org.convene.core.security.CurrentUser;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;
import org.springframework.security.web.WebAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * Log in with email and password. The form is a real HTML form that the browser posts to Spring
 * Security's /login, so password managers work and Spring's saved request brings the person back to
 * the page they were going to. The server checks for empty fields first, so those get the usual error
 * summary; a refused log-in comes back as /login?error with Spring's exception in the session.
 */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/account.css")
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentUser currentUser;
    private final ErrorSummary errorSummary = new ErrorSummary();
    private final EmailField email = new EmailField("Email address");
    private final PasswordField password = new PasswordField("Password");
    private final NativeForm form;
    private boolean showingErrors;

    public LoginView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("cv-narrow");

        email.setId("email");
        email.setManualValidation(true);
        email.setAutocomplete(Autocomplete.USERNAME);
        email.setAutocapitalize(Autocapitalize.NONE);
        email.setAutocorrect(false);
        // The names Spring Security's form log-in reads; vaadin-text-field hands them to its input.
        email.getElement().setAttribute("name", "username");

        password.setId("password");
        password.setManualValidation(true);
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.getElement().setAttribute("name", "password");

        Button logIn = new Button("Log in", e -> submit());
        logIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        form = new NativeForm("post", "login", email, password, logIn);
        form.addClassName("cv-form");
        // Enter in either field: with two text inputs and no native submit button the browser would
        // otherwise do nothing.
        logIn.addClickShortcut(Key.ENTER).listenOn(form)
                // Blur and refocus first, so the field typed in last sends its value before the click.
                .resetFocusOnActiveElement();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        removeAll();
        errorSummary.clear(email, password);
        showingErrors = false;

        Anchor signUp = new Anchor("signup", "create an account");
        signUp.getElement().setAttribute("router-link", "");
        add(errorSummary, new H1("Log in"));
        WrappedSession httpSession = VaadinSession.getCurrent().getSession();
        // Said once: the filter that ended the old session left the reason in the new one.
        if (httpSession.getAttribute(AccountSessions.LOGGED_OUT_BECAUSE) instanceof String reason) {
            httpSession.removeAttribute(AccountSessions.LOGGED_OUT_BECAUSE);
            Paragraph notice = new Paragraph(reason);
            notice.setId("login-notice");
            notice.addClassName("cv-warning");
            add(notice);
        }
        Anchor forgotten = new Anchor("account/forgotten-password", "Forgotten your password?");
        forgotten.getElement().setAttribute("router-link", "");
        forgotten.setId("forgotten-password");
        add(new Paragraph("Log in to build your own agenda and to ask questions in sessions."),
                form,
                new Paragraph(forgotten),
                new Paragraph(new Span("New to Convene? You can "), signUp, new Span(".")));

        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            WrappedSession session = VaadinSession.getCurrent().getSession();
            Object attempted = session.getAttribute(LoginFailures.ATTEMPTED_EMAIL);
            if (attempted instanceof String typed) {
                email.setValue(typed);
            }
            String message = LoginFailures.messageFor(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
            showErrors(List.of(new ErrorSummary.Problem(email, message)));
        }
    }

    private void submit() {
        errorSummary.clear(email, password);
        List<ErrorSummary.Problem> problems = new ArrayList<>();
        if (email.getValue().isBlank()) {
            problems.add(new ErrorSummary.Problem(email, "Enter your email address"));
        }
        if (password.getValue().isEmpty()) {
            problems.add(new ErrorSummary.Problem(password, "Enter your password"));
        }
        if (!problems.isEmpty()) {
            showErrors(problems);
            return;
        }
        showingErrors = false;
        updateTitle();
        form.submit();
    }

    private void showErrors(List<ErrorSummary.Problem> problems) {
        errorSummary.show(problems);
        showingErrors = true;
        updateTitle();
    }

    private void updateTitle() {
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Log in - Convene");
    }
}
