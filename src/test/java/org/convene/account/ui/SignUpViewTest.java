package org.convene.account.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.timetable.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class SignUpViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    CurrentUser currentUser;

    private TextField nameField() {
        return _get(TextField.class, spec -> spec.withLabel("Your name"));
    }

    private EmailField emailField() {
        return _get(EmailField.class, spec -> spec.withLabel("Email address"));
    }

    private PasswordField passwordField() {
        return _get(PasswordField.class, spec -> spec.withLabel("Create a password"));
    }

    private void submit() {
        _click(_get(Button.class, spec -> spec.withText("Create account")));
    }

    @Test
    void the_form_asks_for_name_email_and_password_and_says_the_password_rules_in_plain_words() {
        UI.getCurrent().navigate(SignUpView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Create an account");
        assertThat(nameField().getId()).hasValue("displayName");
        assertThat(emailField().getId()).hasValue("email");
        assertThat(passwordField().getHelperText()).contains("10 characters or more")
                .contains("common password").contains("your name").contains("email address");
        assertThat(_get(Anchor.class, spec -> spec.withText("log in")).getHref()).isEqualTo("login");
        _assertNone(ErrorSummary.class);
    }

    @Test
    void an_empty_form_shows_every_problem_in_an_error_summary_linked_to_its_field() {
        UI.getCurrent().navigate(SignUpView.class);

        submit();

        ErrorSummary summary = _get(ErrorSummary.class);
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getElement().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(_get(summary, H2.class).getText()).isEqualTo("There is a problem");
        assertThat(summary.messages())
                .containsExactly("Enter your name", "Enter your email address", "Enter a password");
        assertThat(_find(summary, Anchor.class)).extracting(Anchor::getHref)
                .containsExactly("#displayName", "#email", "#password");
        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage()).isEqualTo("Enter your name");
        assertThat(emailField().getErrorMessage()).isEqualTo("Enter your email address");
        assertThat(passwordField().getErrorMessage()).isEqualTo("Enter a password");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Error: Create an account - Convene");
    }

    @Test
    void problems_keep_what_was_typed_and_use_the_same_words_in_the_summary_and_beside_the_field() {
        UI.getCurrent().navigate(SignUpView.class);
        nameField().setValue("Robin Hood");
        emailField().setValue("robin.hood@not-valid");
        passwordField().setValue("robinhood-in-the-forest");

        submit();

        assertThat(_get(ErrorSummary.class).messages()).containsExactly(
                "Enter an email address in the correct format, like name@example.com",
                "Password must not contain your name or email address");
        assertThat(nameField().isInvalid()).isFalse();
        assertThat(emailField().getErrorMessage())
                .isEqualTo("Enter an email address in the correct format, like name@example.com");
        assertThat(passwordField().getErrorMessage())
                .isEqualTo("Password must not contain your name or email address");
        assertThat(nameField().getValue()).isEqualTo("Robin Hood");
        assertThat(emailField().getValue()).isEqualTo("robin.hood@not-valid");
        assertThat(passwordField().getValue()).isEqualTo("robinhood-in-the-forest");
    }

    @Test
    void an_email_already_taken_in_another_case_is_refused() {
        ConveneUser existing = fixtures.user("Early Bird");
        UI.getCurrent().navigate(SignUpView.class);
        nameField().setValue("Late Bird");
        emailField().setValue(existing.email().toUpperCase());
        passwordField().setValue("another-fine-long-password");

        submit();

        assertThat(_get(ErrorSummary.class).messages()).containsExactly(
                "An account with this email address already exists. Log in instead, or use a different email address");
    }

    @Test
    void a_valid_sign_up_signs_the_person_in_and_goes_home_with_a_confirmation() {
        String email = AccountFixtures.uniqueEmail("newcomer");
        UI.getCurrent().navigate(SignUpView.class);
        nameField().setValue("Nell Newcomer");
        emailField().setValue(email);
        passwordField().setValue("quiet-harbour-lantern");

        submit();

        _get(HomeView.class);
        ConveneUser me = currentUser.get().orElseThrow();
        assertThat(me.email()).isEqualTo(email);
        assertThat(me.displayName()).isEqualTo("Nell Newcomer");
        assertThat(me.roles()).containsExactly(Role.ATTENDEE);
        Object saved = VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false)
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).as("the log-in outlives this request")
                .isInstanceOfSatisfying(SecurityContext.class,
                        context -> assertThat(context.getAuthentication().getPrincipal()).isEqualTo(me));
        NotificationsKt.expectNotifications(SignUpView.CREATED);
    }
}
