package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.convene.KaribuTest;
import org.convene.account.AccountSessions;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.account.AccountFixtures;
import org.convene.account.LoginFailures;
import org.convene.account.TooManyLoginAttemptsException;
import org.convene.core.ui.ErrorSummary;
import org.convene.timetable.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;

    private String pageTitle() {
        return UI.getCurrent().getInternals().getTitle();
    }

    @Test
    void the_log_in_page_has_a_form_for_spring_security_and_a_link_to_sign_up() {
        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Log in");
        assertThat(pageTitle()).isEqualTo("Log in - Convene");
        NativeForm form = _get(NativeForm.class);
        assertThat(form.getElement().getAttribute("method")).isEqualTo("post");
        assertThat(form.getElement().getAttribute("action")).isEqualTo("login");
        assertThat(_get(EmailField.class, spec -> spec.withLabel("Email address")).getElement().getAttribute("name"))
                .isEqualTo("username");
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Password")).getElement().getAttribute("name"))
                .isEqualTo("password");
        assertThat(_get(Anchor.class, spec -> spec.withText("create an account")).getHref()).isEqualTo("signup");
        _assertNone(ErrorSummary.class);
    }

    @Test
    void a_session_ended_by_a_password_change_elsewhere_is_explained_once() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(AccountSessions.LOGGED_OUT_BECAUSE, AccountSessions.PASSWORD_CHANGED_ELSEWHERE);

        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("login-notice")).getText()).isEqualTo(
                "Your password was changed, so you have been logged out. Log in with the new password.");
        _assertNone(ErrorSummary.class);

        UI.getCurrent().navigate(SignUpView.class);
        UI.getCurrent().navigate(LoginView.class);
        _assertNone(Paragraph.class, spec -> spec.withId("login-notice"));
    }

    @Test
    void wrong_credentials_are_reported_in_an_error_summary_with_the_email_filled_in_again() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("x"));
        VaadinSession.getCurrent().getSession().setAttribute(LoginFailures.ATTEMPTED_EMAIL, "pat@example.org");

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        ErrorSummary summary = _get(ErrorSummary.class);
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(summary.messages()).containsExactly("Incorrect email or password");
        assertThat(_get(summary, Anchor.class).getHref()).isEqualTo("#email");
        EmailField email = _get(EmailField.class);
        assertThat(email.getValue()).isEqualTo("pat@example.org");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Incorrect email or password");
        assertThat(pageTitle()).isEqualTo("Error: Log in - Convene");
    }

    @Test
    void too_many_attempts_are_reported_with_the_wait() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new TooManyLoginAttemptsException(Duration.ofSeconds(95)));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(_get(ErrorSummary.class).messages())
                .containsExactly("Too many failed attempts. Try again in 2 minutes.");
    }

    @Test
    void without_the_error_parameter_an_old_failure_is_not_shown() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("x"));

        UI.getCurrent().navigate(LoginView.class);

        _assertNone(ErrorSummary.class);
    }

    @Test
    void empty_fields_are_reported_before_anything_is_posted() {
        UI.getCurrent().navigate(LoginView.class);

        _click(_get(Button.class, spec -> spec.withText("Log in")));

        assertThat(_get(ErrorSummary.class).messages()).containsExactly("Enter your email address", "Enter your password");
        assertThat(_get(PasswordField.class).getErrorMessage()).isEqualTo("Enter your password");
        assertThat(pageTitle()).isEqualTo("Error: Log in - Convene");

        _get(EmailField.class).setValue("pat@example.org");
        _get(PasswordField.class).setValue("some password");
        _click(_get(Button.class, spec -> spec.withText("Log in")));

        _assertNone(ErrorSummary.class);
        assertThat(_get(EmailField.class).isInvalid()).isFalse();
        assertThat(pageTitle()).isEqualTo("Log in - Convene");
    }

    @Test
    void someone_not_signed_in_cannot_open_their_account_page() {
        assertCannotOpen(AccountView.class);
    }

    @Test
    void someone_already_signed_in_goes_to_the_home_page() {
        login(fixtures.user("Sid Signed-In"));

        UI.getCurrent().navigate(LoginView.class);

        _get(HomeView.class);
        _assertNone(LoginView.class);
    }
}
