package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import org.convene.account.AccountMail;
import org.convene.core.SaveResult;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.account.AccountSessions;
import org.convene.account.ApiTokenService;
import com.vaadin.flow.server.VaadinSession;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.account.AccountFixtures.PASSWORD;
import static org.convene.db.Tables.APP_USER;

class AccountViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApiTokenService tokens;

    private PasswordField field(String label) {
        return _get(PasswordField.class, spec -> spec.withLabel(label));
    }

    private Div status() {
        return _get(Div.class, spec -> spec.withId("account-status"));
    }

    private void changePassword(String current, String newPassword, String confirmation) {
        field("Current password").setValue(current);
        field("New password").setValue(newPassword);
        field("Confirm new password").setValue(confirmation);
        _click(_get(Button.class, spec -> spec.withText("Change password")));
    }

    private String storedHash(ConveneUser user) {
        return db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(user.id())).fetchSingle().value1();
    }

    @Test
    void shows_my_name_email_and_roles_from_the_database() {
        ConveneUser me = fixtures.user("Ada Account", Role.FACILITATOR);
        login(me);

        UI.getCurrent().navigate(AccountView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Your account");
        assertThat(_get(DescriptionList.class).getElement().getTextRecursively())
                .contains("Name", "Ada Account", "Email address", me.email(), "Roles", "Attendee, Facilitator");
        assertThat(status().getElement().getAttribute("role")).isEqualTo("status");
        assertThat(status().getText()).isEmpty();
    }

    @Test
    void changing_the_password_says_so_in_the_status_region() {
        ConveneUser me = fixtures.user("Ada Account");
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        changePassword(PASSWORD, "silver-meadow-compass", "silver-meadow-compass");

        _assertNone(ErrorSummary.class);
        assertThat(status().getText())
                .isEqualTo("Your password has been changed. Use your new password next time you log in. "
                        + "Anywhere else you were logged in, you have been logged out.");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(AccountSessions.VERSION))
                .as("this session keeps the new version, so it stays signed in")
                .isEqualTo(db.select(APP_USER.VERSION).from(APP_USER).where(APP_USER.ID.eq(me.id())).fetchSingle().value1());
        assertThat(passwordEncoder.matches("silver-meadow-compass", storedHash(me))).isTrue();
        assertThat(field("New password").getValue()).as("a changed password is not left on screen").isEmpty();
    }

    @Test
    void problems_are_listed_in_an_error_summary_and_nothing_typed_is_cleared() {
        ConveneUser me = fixtures.user("Ada Account");
        String hashBefore = storedHash(me);
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        changePassword("not-my-password", "short", "different");

        ErrorSummary summary = _get(ErrorSummary.class);
        assertThat(summary.messages()).containsExactly(
                "Your current password is not right. Check it and try again",
                "New password must be at least 10 characters",
                "The two new passwords do not match. Enter the same password twice");
        assertThat(field("New password").isInvalid()).isTrue();
        assertThat(field("New password").getErrorMessage()).isEqualTo("New password must be at least 10 characters");
        assertThat(field("Current password").getValue()).isEqualTo("not-my-password");
        assertThat(field("Confirm new password").getValue()).isEqualTo("different");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Error: Your account - Convene");
        assertThat(status().getText()).isEmpty();
        assertThat(storedHash(me)).isEqualTo(hashBefore);
    }

    @Test
    void after_five_wrong_current_passwords_the_error_summary_says_how_long_to_wait() {
        clock.set(java.time.Instant.parse("2031-04-03T09:00:00Z"));
        ConveneUser me = fixtures.user("Ada Guess");
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        for (int i = 1; i <= 5; i++) {
            changePassword("guess-number-" + i, "silver-meadow-compass", "silver-meadow-compass");
        }

        String tooMany = "Too many failed attempts. Try again in 30 seconds.";
        assertThat(_get(ErrorSummary.class).messages()).containsExactly(tooMany);
        assertThat(field("Current password").getErrorMessage()).isEqualTo(tooMany);

        clock.advance(java.time.Duration.ofSeconds(12));
        changePassword(PASSWORD, "silver-meadow-compass", "silver-meadow-compass");
        assertThat(_get(ErrorSummary.class).messages()).as("the right password waits too")
                .containsExactly("Too many failed attempts. Try again in 18 seconds.");

        clock.advance(java.time.Duration.ofSeconds(19));
        changePassword(PASSWORD, "silver-meadow-compass", "silver-meadow-compass");
        _assertNone(ErrorSummary.class);
        assertThat(passwordEncoder.matches("silver-meadow-compass", storedHash(me))).isTrue();
    }

    @Test
    void someone_not_signed_in_cannot_open_the_account_page() {
        assertCannotOpen(AccountView.class);
    }

    @Test
    void an_access_token_is_shown_once_listed_by_name_and_can_be_revoked() {
        ConveneUser me = fixtures.user("Tia Token");
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Token name")).getErrorMessage())
                .contains("Give the token a name");

        _get(TextField.class, spec -> spec.withLabel("Token name")).setValue("Stage display");
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        String secret = _get(TextField.class, spec -> spec.withId("new-token")).getValue();
        assertThat(secret).startsWith("cvn_").hasSizeGreaterThan(40);
        assertThat(tokens.authenticate(secret)).get().extracting(ConveneUser::id).isEqualTo(me.id());
        assertThat(status().getText()).contains("Token “Stage display” created");

        UI.getCurrent().getPage().reload();
        assertThat(_find(TextField.class, spec -> spec.withId("new-token"))).as("shown only once").isEmpty();
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Revoke token “Stage display”")));

        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(status().getText()).contains("revoked");
    }

    @Test
    void high_contrast_and_larger_text_are_remembered_on_the_account_and_applied_to_every_page() {
        ConveneUser me = fixtures.user("Lou Largetext");
        login(me);
        UI.getCurrent().navigate(AccountView.class);
        assertThat(UI.getCurrent().getElement().getClassList()).doesNotContain("cv-high-contrast", "cv-text-largest");

        _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("high-contrast")).setValue(true);
        @SuppressWarnings("unchecked")
        var textSize = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<org.convene.account.DisplayPreferences.TextSize>)
                _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("text-size"));
        textSize.setValue(org.convene.account.DisplayPreferences.TextSize.LARGEST);
        _click(_get(Button.class, spec -> spec.withText("Save how pages look")));

        assertThat(UI.getCurrent().getElement().getClassList()).contains("cv-high-contrast", "cv-text-largest");
        assertThat(status().getText()).contains("Saved");

        UI.getCurrent().getPage().reload();
        assertThat(UI.getCurrent().getElement().getClassList())
                .as("a new page for the same person").contains("cv-high-contrast", "cv-text-largest");
        logout();
        UI.getCurrent().getPage().reload();
        assertThat(UI.getCurrent().getElement().getClassList())
                .as("someone not signed in gets the defaults").doesNotContain("cv-high-contrast", "cv-text-largest");
    }

    // --- the address: confirming it and changing it -----------------------------------------------------------

    @Autowired
    AccountMail mail;

    @Test
    void an_unconfirmed_address_is_shown_with_a_way_to_send_the_link_again() {
        ConveneUser me = ((SaveResult.Saved<ConveneUser>) fixtures.signUpOnly("Una Unconfirmed",
                AccountFixtures.uniqueEmail("unconfirmed"))).value();
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        assertThat(_get(DescriptionList.class).getElement().getTextRecursively()).contains("Address confirmed", "Not yet");
        assertThat(_get(Section.class, spec -> spec.withId("confirm-address")).getElement().getTextRecursively())
                .contains("Until then, organisers cannot make you a facilitator");
        _click(_get(Button.class, spec -> spec.withText("Send the link again")));

        assertThat(status().getText()).startsWith("We have sent a new link to " + me.email() + ".");
        assertThat(mail.to(me.email(), "confirm-address")).hasSize(2);
    }

    @Test
    void a_confirmed_address_says_yes_and_offers_no_link() {
        login(fixtures.user("Yan Yes"));
        UI.getCurrent().navigate(AccountView.class);

        assertThat(_get(DescriptionList.class).getElement().getTextRecursively()).contains("Address confirmed", "Yes");
        _assertNone(Section.class, spec -> spec.withId("confirm-address"));
    }

    @Test
    void changing_the_address_sends_a_link_to_the_new_one_and_says_so() {
        ConveneUser me = fixtures.user("Mo Mover");
        String newEmail = AccountFixtures.uniqueEmail("mover");
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        _get(EmailField.class, spec -> spec.withId("newEmail")).setValue(newEmail);
        _get(PasswordField.class, spec -> spec.withId("addressPassword")).setValue(PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("Send a link to the new address")));

        assertThat(status().getText()).isEqualTo("We have sent a link to " + newEmail + ". Open it to start using "
                + "that address. Until then, your account keeps its current address.");
        assertThat(mail.to(newEmail, "change-address")).hasSize(1);
        assertThat(mail.to(me.email(), "address-change-asked")).hasSize(1);
    }

    @Test
    void a_refused_change_of_address_is_shown_in_the_error_summary() {
        ConveneUser me = fixtures.user("Ned Nochange");
        ConveneUser other = fixtures.user("Oda Other");
        login(me);
        UI.getCurrent().navigate(AccountView.class);

        _get(EmailField.class, spec -> spec.withId("newEmail")).setValue(other.email());
        _click(_get(Button.class, spec -> spec.withText("Send a link to the new address")));

        assertThat(_get(ErrorSummary.class).isVisible()).isTrue();
        assertThat(_get(EmailField.class, spec -> spec.withId("newEmail")).getErrorMessage())
                .startsWith("Another account uses this email address.");
        assertThat(_get(PasswordField.class, spec -> spec.withId("addressPassword")).getErrorMessage())
                .isEqualTo("Enter your current password");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Error: Your account - Convene");
    }
}
