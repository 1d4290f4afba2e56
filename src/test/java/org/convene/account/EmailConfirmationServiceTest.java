package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.PASSWORD;
import static org.convene.account.AccountFixtures.uniqueEmail;

@IntegrationTest
class EmailConfirmationServiceTest {

    private static final Instant START = Instant.parse("2031-06-02T10:00:00Z");

    @Autowired
    EmailConfirmationService confirmations;
    @Autowired
    AccountService accounts;
    @Autowired
    HostRoleService hostRoles;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountRepository repository;
    @Autowired
    AccountMail mail;
    @Autowired
    AccountEmailProperties limits;
    @Autowired
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.set(START);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private ConveneUser signUp(String name) {
        return ((SaveResult.Saved<ConveneUser>) fixtures.signUpOnly(name, uniqueEmail("confirm"))).value();
    }

    @Test
    void sign_up_puts_a_confirmation_link_in_the_outbox_and_leaves_the_address_unconfirmed() {
        ConveneUser user = signUp("Cara Confirm");

        assertThat(confirmations.isConfirmed(user.id())).isFalse();
        AccountMail.Message message = mail.last(user.email(), "confirm-address");
        assertThat(message.subject()).isEqualTo("Confirm your email address for Convene");
        assertThat(message.text()).contains("Hello Cara Confirm", "Confirm my email address:", "for 7 days",
                "You got this email because someone made a Convene account with this address.");
        assertThat(message.linkPath()).startsWith("/account/confirm/");
        assertThat(message.unsubscribable()).isFalse();
        assertThat(message.idempotencyKey()).startsWith("confirm-address:" + user.id() + ":");
    }

    @Test
    void a_sign_up_that_is_refused_sends_nothing() {
        String email = uniqueEmail("refused");

        assertThat(fixtures.signUpOnly("", email)).isInstanceOf(SaveResult.Invalid.class);

        assertThat(mail.to(email)).isEmpty();
    }

    @Test
    void opening_the_link_confirms_the_address_and_opening_it_again_says_so_again() {
        ConveneUser user = signUp("Dev Done");
        String token = mail.last(user.email(), "confirm-address").token();

        assertThat(confirmations.confirm(token)).isEqualTo(new ConfirmOutcome.Confirmed(user.email()));
        assertThat(confirmations.isConfirmed(user.id())).isTrue();
        assertThat(confirmations.confirm(token)).isEqualTo(new ConfirmOutcome.Confirmed(user.email()));
        AccountFixtures.actAs(user);
        assertThat(accounts.myAccount().emailConfirmed()).isTrue();
    }

    @Test
    void a_confirmation_link_works_for_seven_days() {
        ConveneUser user = signUp("Eli Expired");
        String token = mail.last(user.email(), "confirm-address").token();

        clock.advance(Duration.ofDays(7));
        ConfirmOutcome outcome = confirmations.confirm(token);

        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ConfirmOutcome.Reason.EXPIRED);
            assertThat(refused.kind()).isEqualTo(AccountLink.Kind.CONFIRM_ADDRESS);
            assertThat(refused.message()).isEqualTo("This link has expired. Links like this work for 7 days. Log in "
                    + "and choose \u201cSend the link again\u201d on your account page to get a new one.");
        });
        assertThat(confirmations.isConfirmed(user.id())).isFalse();
    }

    @Test
    void an_unknown_link_is_refused_plainly() {
        assertThat(confirmations.confirm("no-such-link")).isEqualTo(new ConfirmOutcome.Refused(
                ConfirmOutcome.Reason.UNKNOWN, null,
                "We could not find this link. Check that you copied the whole link from the email."));
        assertThat(confirmations.confirm("")).isInstanceOf(ConfirmOutcome.Refused.class);
    }

    @Test
    void sending_the_link_again_makes_a_new_message_with_a_new_link_a_few_times_per_window() {
        ConveneUser user = signUp("Fay Again");
        String first = mail.last(user.email(), "confirm-address").token();
        AccountFixtures.actAs(user);

        for (int i = 0; i < limits.resendsPerAccount(); i++) {
            assertThat(confirmations.resendConfirmation()).isInstanceOf(SendResult.Sent.class);
        }
        SendResult refused = confirmations.resendConfirmation();

        assertThat(refused).isInstanceOf(SendResult.NotSent.class);
        assertThat(refused.message()).startsWith("We have sent you several links just now.");
        var messages = mail.to(user.email(), "confirm-address");
        assertThat(messages).hasSize(1 + limits.resendsPerAccount());
        assertThat(messages.stream().map(AccountMail.Message::idempotencyKey).distinct()).hasSize(messages.size());
        assertThat(messages.stream().map(AccountMail.Message::token).distinct()).hasSize(messages.size());
        // any of them proves the address; the first still works
        assertThat(confirmations.confirm(first)).isInstanceOf(ConfirmOutcome.Confirmed.class);
        assertThat(confirmations.resendConfirmation()).isEqualTo(
                new SendResult.NotSent("Your email address is already confirmed. You do not need a new link."));
    }

    @Test
    void an_unconfirmed_account_cannot_be_made_a_facilitator_or_a_host_until_it_confirms() {
        ConveneUser organiser = fixtures.user("Olu Organiser", Role.ORGANISER);
        ConveneUser person = signUp("Gus Guarded");
        AccountFixtures.actAs(organiser);

        assertThatThrownBy(() -> accounts.grant(person.id(), Role.FACILITATOR))
                .isInstanceOf(RoleChangeRefusedException.class)
                .hasMessage(EmailConfirmationService.UNCONFIRMED_FACILITATOR);
        assertThatThrownBy(() -> hostRoles.give(person.id()))
                .isInstanceOf(RoleChangeRefusedException.class)
                .hasMessage(EmailConfirmationService.UNCONFIRMED_COORDINATOR);
        assertThat(repository.rolesOf(person.id())).isEqualTo(Set.of(Role.ATTENDEE));
        // the organiser role is not held back: organisers decide who organises
        accounts.grant(person.id(), Role.ORGANISER);

        confirmations.confirm(mail.last(person.email(), "confirm-address").token());

        assertThat(accounts.grant(person.id(), Role.FACILITATOR).has(Role.FACILITATOR)).isTrue();
        assertThat(hostRoles.give(person.id())).isTrue();
    }

    // --- changing the address -------------------------------------------------------------------------------

    @Test
    void changing_the_address_sends_a_link_to_the_new_one_and_a_notice_to_the_old_one_and_changes_nothing_yet() {
        ConveneUser user = fixtures.user("Hal Moving");
        String newEmail = uniqueEmail("moved");
        AccountFixtures.actAs(user);

        assertThat(AccountFixtures.outsideAnyRequest(() -> accounts.requestAddressChange(PASSWORD, " " + newEmail.toUpperCase())))
                .isEqualTo(new SaveResult.Saved<>(newEmail));

        assertThat(repository.recipient(user.id()).orElseThrow().email()).isEqualTo(user.email());
        AccountMail.Message link = mail.last(newEmail, "change-address");
        assertThat(link.text()).contains("You asked to use " + newEmail, "Use this email address:", "for 24 hours");
        AccountMail.Message notice = mail.last(user.email(), "address-change-asked");
        assertThat(notice.subject()).isEqualTo("Someone asked to change your Convene email address");
        assertThat(notice.text()).contains(newEmail, "If it was not you", "change your password");
        assertThat(notice.text()).doesNotContain("/account/confirm/");

        assertThat(confirmations.confirm(link.token())).isEqualTo(new ConfirmOutcome.AddressChanged(newEmail));

        assertThat(repository.findForLogin(newEmail)).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(user.id()));
        assertThat(repository.findForLogin(user.email())).isEmpty();
        assertThat(confirmations.isConfirmed(user.id())).isTrue();
        assertThat(confirmations.confirm(link.token())).isInstanceOfSatisfying(ConfirmOutcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ConfirmOutcome.Reason.USED));
    }

    @Test
    void changing_the_address_needs_the_current_password_and_a_free_new_address() {
        ConveneUser user = fixtures.user("Ivy Checks");
        ConveneUser other = fixtures.user("Jo Taken");
        AccountFixtures.actAs(user);

        SaveResult<String> result = AccountFixtures.outsideAnyRequest(
                () -> accounts.requestAddressChange("wrong-password", other.email()));

        assertThat(AccountField.problems((SaveResult.Invalid<?>) result))
                .containsEntry(AccountField.EMAIL, "Another account uses this email address. Enter a different "
                        + "address, or log in to that account instead")
                .containsEntry(AccountField.CURRENT_PASSWORD, "Your current password is not right. Check it and try again");
        assertThat(AccountField.problems((SaveResult.Invalid<?>) AccountFixtures.outsideAnyRequest(
                () -> accounts.requestAddressChange(PASSWORD, user.email()))))
                .containsOnlyKeys(AccountField.EMAIL);
        assertThat(AccountField.problems((SaveResult.Invalid<?>) AccountFixtures.outsideAnyRequest(
                () -> accounts.requestAddressChange("", "no-at-sign"))))
                .containsOnlyKeys(AccountField.EMAIL, AccountField.CURRENT_PASSWORD);
        assertThat(mail.to(user.email(), "address-change-asked")).isEmpty();
        assertThat(mail.to(other.email(), "change-address")).isEmpty();
    }

    @Test
    void an_address_taken_before_the_link_is_opened_is_refused_and_the_account_keeps_its_address() {
        ConveneUser user = fixtures.user("Kit Late");
        String wanted = uniqueEmail("wanted");
        AccountFixtures.actAs(user);
        AccountFixtures.outsideAnyRequest(() -> accounts.requestAddressChange(PASSWORD, wanted));
        String token = mail.last(wanted, "change-address").token();
        fixtures.signUpOnly("Lee First", wanted);

        ConfirmOutcome outcome = confirmations.confirm(token);

        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ConfirmOutcome.Reason.ADDRESS_TAKEN);
            assertThat(refused.message()).startsWith("Another account now uses " + wanted + ", so yours cannot move to it.");
        });
        assertThat(repository.recipient(user.id()).orElseThrow().email()).isEqualTo(user.email());
    }

    @Test
    void a_change_link_works_for_a_day_and_only_the_newest_works() {
        ConveneUser user = fixtures.user("Max Later");
        String first = uniqueEmail("first");
        String second = uniqueEmail("second");
        AccountFixtures.actAs(user);
        AccountFixtures.outsideAnyRequest(() -> accounts.requestAddressChange(PASSWORD, first));
        AccountFixtures.outsideAnyRequest(() -> accounts.requestAddressChange(PASSWORD, second));

        assertThat(confirmations.confirm(mail.last(first, "change-address").token()))
                .isInstanceOfSatisfying(ConfirmOutcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ConfirmOutcome.Reason.USED));
        clock.advance(Duration.ofDays(1));
        assertThat(confirmations.confirm(mail.last(second, "change-address").token()))
                .isInstanceOfSatisfying(ConfirmOutcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ConfirmOutcome.Reason.EXPIRED));
        assertThat(repository.recipient(user.id()).orElseThrow().email()).isEqualTo(user.email());
    }

    @Test
    void a_new_address_retires_the_links_sent_to_the_old_one() {
        ConveneUser user = signUp("Ned Retire");
        String oldConfirmation = mail.last(user.email(), "confirm-address").token();
        String newEmail = uniqueEmail("retire");
        AccountFixtures.actAs(user);
        AccountFixtures.outsideAnyRequest(() -> accounts.requestAddressChange(PASSWORD, newEmail));

        confirmations.confirm(mail.last(newEmail, "change-address").token());

        // confirmed by the new address, so the old confirmation link just says so
        assertThat(confirmations.confirm(oldConfirmation)).isEqualTo(new ConfirmOutcome.Confirmed(newEmail));
    }
}
