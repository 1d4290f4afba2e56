package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.account.PasswordResetService;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ResetPasswordViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountMail mail;
    @Autowired
    PasswordResetService resets;

    @BeforeEach
    void ownAddress() {
        AccountLinkViews.ownClientAddress();
    }

    private String linkFor(ConveneUser user) {
        resets.requestReset(user.email());
        return mail.last(user.email(), "password-reset").token();
    }

    private void open(String token) {
        UI.getCurrent().navigate(ResetPasswordView.class, new RouteParameters("token", token));
    }

    private void choose(String password, String again) {
        _get(PasswordField.class, spec -> spec.withId("newPassword")).setValue(password);
        _get(PasswordField.class, spec -> spec.withId("confirmPassword")).setValue(again);
        _click(_get(Button.class, spec -> spec.withText("Save my new password")));
    }

    @Test
    void a_working_link_sets_a_new_password_and_says_to_log_in() {
        ConveneUser user = fixtures.user("Rae Reset");
        open(linkFor(user));
        assertThat(_get(H1.class).getText()).isEqualTo("Choose a new password");

        choose("harbour-violet-sprocket", "harbour-violet-sprocket");

        assertThat(_get(H1.class).getText()).isEqualTo("Your password is changed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("reset-done")).getText())
                .isEqualTo("You can now log in as " + user.email() + " with your new password.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Log in with your new password")).getHref()).isEqualTo("login");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Your password is changed - Convene");
    }

    @Test
    void a_password_that_breaks_a_rule_is_shown_in_the_error_summary() {
        open(linkFor(fixtures.user("Sol Short")));

        choose("short", "different");

        assertThat(_get(ErrorSummary.class).isVisible()).isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("newPassword")).getErrorMessage())
                .isEqualTo("New password must be at least 10 characters");
        assertThat(_get(PasswordField.class, spec -> spec.withId("confirmPassword")).isInvalid()).isTrue();
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Error: Choose a new password - Convene");
    }

    @Test
    void an_expired_or_unknown_link_says_why_and_offers_a_new_one() {
        String token = linkFor(fixtures.user("Tam Tardy"));
        clock.advance(Duration.ofMinutes(31));

        open(token);

        assertThat(_get(H1.class).getText()).isEqualTo("This link does not work");
        assertThat(_get(Paragraph.class, spec -> spec.withText("This link has expired. Links to choose a new "
                + "password work for 30 minutes. Ask for a new link."))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withText("Ask for a new link")).getHref())
                .isEqualTo("account/forgotten-password");

        open("no-such-link");
        assertThat(_get(H1.class).getText()).isEqualTo("This link does not work");
    }
}
