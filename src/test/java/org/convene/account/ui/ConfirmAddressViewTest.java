package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmAddressViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountMail mail;

    private ConveneUser signUp(String name) {
        return ((SaveResult.Saved<ConveneUser>) fixtures.signUpOnly(name, AccountFixtures.uniqueEmail("view"))).value();
    }

    private void open(String token) {
        UI.getCurrent().navigate(ConfirmAddressView.class, new RouteParameters("token", token));
    }

    @Test
    void opening_the_link_without_logging_in_confirms_and_says_so() {
        ConveneUser user = signUp("Cy Confirmed");

        open(mail.last(user.email(), "confirm-address").token());

        assertThat(_get(H1.class).getText()).isEqualTo("Your email address is confirmed");
        assertThat(getText()).contains("Thank you. We now know that " + user.email() + " is yours.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Log in to Convene")).getHref()).isEqualTo("login");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Your email address is confirmed - Convene");
    }

    @Test
    void an_unknown_link_says_so_and_how_to_get_a_new_one() {
        open("no-such-link");

        assertThat(_get(H1.class).getText()).isEqualTo("This link does not work");
        assertThat(getText()).contains("We could not find this link.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Log in to get a new link")).getHref()).isEqualTo("login");
        _assertNone(Button.class, spec -> spec.withText("Send the link again"));
    }

    @Test
    void someone_logged_in_with_an_expired_link_can_send_a_new_one_from_the_page() {
        ConveneUser user = signUp("Di Delayed");
        String token = mail.last(user.email(), "confirm-address").token();
        clock.advance(Duration.ofDays(8));
        login(user);

        open(token);
        assertThat(getText()).contains("This link has expired. Links like this work for 7 days.");
        _click(_get(Button.class, spec -> spec.withText("Send the link again")));

        assertThat(_get(Div.class, spec -> spec.withId("confirm-status")).getText())
                .startsWith("We have sent a new link to " + user.email() + ".");
        assertThat(mail.to(user.email(), "confirm-address")).hasSize(2);
    }

    private static String getText() {
        return _get(ConfirmAddressView.class).getElement().getTextRecursively();
    }
}
