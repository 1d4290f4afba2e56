package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.EmailField;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.account.PasswordResetService;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ForgottenPasswordViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountMail mail;

    @BeforeEach
    void ownAddress() {
        AccountLinkViews.ownClientAddress();
    }

    private void ask(String email) {
        _get(EmailField.class, spec -> spec.withId("email")).setValue(email);
        _click(_get(Button.class, spec -> spec.withText("Send me a link")));
    }

    private Div status() {
        return _get(Div.class, spec -> spec.withId("forgotten-status"));
    }

    @Test
    void the_log_in_page_links_to_it() {
        UI.getCurrent().navigate(LoginView.class);

        Anchor link = _get(Anchor.class, spec -> spec.withId("forgotten-password"));
        assertThat(link.getText()).isEqualTo("Forgotten your password?");
        assertThat(link.getHref()).isEqualTo("account/forgotten-password");
    }

    @Test
    void asking_for_a_known_or_an_unknown_address_gives_the_same_answer_in_the_status_region() {
        ConveneUser user = fixtures.user("Flo Forgetful");
        UI.getCurrent().navigate(ForgottenPasswordView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Forgotten your password?");
        assertThat(status().getElement().getAttribute("role")).isEqualTo("status");

        ask(user.email());
        assertThat(status().getText()).isEqualTo(PasswordResetService.SAME_ANSWER);
        assertThat(mail.to(user.email(), "password-reset")).hasSize(1);

        UI.getCurrent().navigate(ForgottenPasswordView.class);
        ask(AccountFixtures.uniqueEmail("stranger"));
        assertThat(status().getText()).isEqualTo(PasswordResetService.SAME_ANSWER);
    }

    @Test
    void an_address_in_the_wrong_form_is_shown_in_the_error_summary() {
        UI.getCurrent().navigate(ForgottenPasswordView.class);

        ask("not-an-address");

        assertThat(_get(ErrorSummary.class).isVisible()).isTrue();
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getErrorMessage())
                .isEqualTo("Enter an email address in the correct format, like name@example.com");
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Error: ");
        assertThat(status().getText()).isEmpty();
    }
}
