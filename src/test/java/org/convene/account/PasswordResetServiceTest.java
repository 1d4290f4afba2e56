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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountMail.fromClient;

@IntegrationTest
class PasswordResetServiceTest {

    private static final Instant START = Instant.parse("2031-05-12T08:00:00Z");
    private static final String NEW_PASSWORD = "lantern-meadow-quartz";
    private static final AtomicInteger CLIENTS = new AtomicInteger(new Random().nextInt(20_000));

    @Autowired
    PasswordResetService resets;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountRepository repository;
    @Autowired
    AccountMail mail;
    @Autowired
    AccountEmailProperties limits;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    TestClock clock;

    /** A client address of its own per test: the per-client budget lasts the whole run. */
    private final String client = "203.0." + (CLIENTS.incrementAndGet() / 250 % 250) + "." + (CLIENTS.get() % 250 + 1);

    @BeforeEach
    void setUp() {
        clock.set(START);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private SendResult ask(String email) {
        return fromClient(client, () -> resets.requestReset(email));
    }

    private boolean passwordIs(long userId, String password) {
        return encoder.matches(password, repository.findForLogin(userId).orElseThrow().passwordHash());
    }

    @Test
    void a_known_address_gets_a_one_time_link_that_cannot_be_turned_off() {
        ConveneUser user = fixtures.user("Rosa Reset");

        assertThat(ask(user.email())).isEqualTo(new SendResult.Sent(PasswordResetService.SAME_ANSWER));

        AccountMail.Message message = mail.last(user.email(), "password-reset");
        assertThat(message.subject()).isEqualTo("Choose a new password for Convene");
        assertThat(message.text()).contains("Choose a new password:", "works once, for 30 minutes",
                "You got this email because someone asked for a new password");
        assertThat(message.linkPath()).startsWith("/account/reset-password/");
        assertThat(message.html()).contains("<a href=\"http").contains(message.token());
        assertThat(message.unsubscribable()).isFalse();
        assertThat(message.idempotencyKey()).startsWith("password-reset:" + user.id() + ":")
                .doesNotContain(message.token());
    }

    @Test
    void an_unknown_address_gets_the_same_answer_and_no_message_is_written() {
        String nobody = AccountFixtures.uniqueEmail("nobody");

        assertThat(ask(nobody)).isEqualTo(new SendResult.Sent(PasswordResetService.SAME_ANSWER));
        assertThat(ask(nobody.toUpperCase())).isEqualTo(new SendResult.Sent(PasswordResetService.SAME_ANSWER));
        assertThat(mail.to(nobody)).isEmpty();
    }

    @Test
    void an_address_in_the_wrong_form_is_refused_with_how_to_fix_it() {
        assertThat(ask("not an address")).isEqualTo(
                new SendResult.NotSent("Enter an email address in the correct format, like name@example.com"));
        assertThat(ask(" ")).isEqualTo(new SendResult.NotSent("Enter your email address"));
    }

    @Test
    void the_link_sets_a_new_password_once_and_the_person_can_log_in_with_it() {
        ConveneUser user = fixtures.user("Omar Once");
        ask(user.email());
        String token = mail.last(user.email(), "password-reset").token();
        int versionBefore = repository.version(user.id()).orElseThrow();

        assertThat(resets.linkProblem(token)).isEmpty();
        assertThat(resets.reset(token, NEW_PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordResetResult.Done(user.email()));

        assertThat(passwordIs(user.id(), NEW_PASSWORD)).isTrue();
        // every other signed-in session ends at its next request (StaleSessionFilter compares the version)
        assertThat(repository.version(user.id()).orElseThrow()).isGreaterThan(versionBefore);
        assertThat(resets.reset(token, "another-fine-password", "another-fine-password"))
                .isInstanceOf(PasswordResetResult.LinkRefused.class);
        assertThat(resets.linkProblem(token)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("This link has already been used"));
        assertThat(passwordIs(user.id(), NEW_PASSWORD)).isTrue();
    }

    @Test
    void the_link_works_for_thirty_minutes_and_no_longer() {
        ConveneUser user = fixtures.user("Tess Timely");
        ask(user.email());
        String token = mail.last(user.email(), "password-reset").token();

        clock.advance(Duration.ofMinutes(30));
        assertThat(resets.linkProblem(token)).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo("This link has expired. Links to choose a new password work for 30 minutes. Ask for a new link."));
        assertThat(resets.reset(token, NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordResetResult.LinkRefused.class);
        assertThat(passwordIs(user.id(), AccountFixtures.PASSWORD)).isTrue();
    }

    @Test
    void a_newer_link_retires_the_older_one_and_using_one_retires_the_rest() {
        ConveneUser user = fixtures.user("Nina Newer");
        ask(user.email());
        String first = mail.last(user.email(), "password-reset").token();
        ask(user.email());
        String second = mail.last(user.email(), "password-reset").token();

        assertThat(second).isNotEqualTo(first);
        assertThat(mail.to(user.email(), "password-reset")).hasSize(2);
        assertThat(resets.linkProblem(first)).isPresent();
        assertThat(resets.reset(second, NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordResetResult.Done.class);
        assertThat(resets.linkProblem(second)).isPresent();
    }

    @Test
    void the_new_password_follows_the_usual_rules_and_a_refused_one_leaves_the_link_working() {
        ConveneUser user = fixtures.user("Priya Rules");
        ask(user.email());
        String token = mail.last(user.email(), "password-reset").token();

        PasswordResetResult result = resets.reset(token, "short", "shorter");

        assertThat(result).isInstanceOfSatisfying(PasswordResetResult.Invalid.class, invalid ->
                assertThat(invalid.problems()).containsOnlyKeys(AccountField.NEW_PASSWORD, AccountField.CONFIRM_PASSWORD)
                        .containsEntry(AccountField.NEW_PASSWORD, "New password must be at least 10 characters"));
        assertThat(resets.linkProblem(token)).isEmpty();
        assertThat(resets.reset(token, "password123", "password123")).isInstanceOf(PasswordResetResult.Invalid.class);
        assertThat(resets.reset(token, NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordResetResult.Done.class);
    }

    @Test
    void an_unknown_or_malformed_link_is_refused_plainly() {
        assertThat(resets.linkProblem("not-a-real-token")).hasValue("We could not find this link. Check that you "
                + "copied the whole link from the email, or ask for a new link.");
        assertThat(resets.linkProblem("x".repeat(5_000))).isPresent();
        assertThat(resets.reset("", NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordResetResult.LinkRefused.class);
    }

    @Test
    void using_a_link_confirms_the_address_and_lifts_log_in_pauses() {
        ConveneUser fresh = ((SaveResult.Saved<ConveneUser>)
                fixtures.signUpOnly("Uma Unconfirmed", AccountFixtures.uniqueEmail("uma"))).value();
        assertThat(repository.emailConfirmed(fresh.id())).isFalse();
        for (int i = 0; i < LoginAttempts.FREE_ATTEMPTS; i++) {
            LoginAttempts.Attempt attempt = attempts.begin(fresh.email(), java.util.Optional.of(client));
            attempts.failed(attempt, fresh);
        }
        assertThat(attempts.failuresInARow(fresh.email(), client)).isEqualTo(LoginAttempts.FREE_ATTEMPTS);

        ask(fresh.email());
        resets.reset(mail.last(fresh.email(), "password-reset").token(), NEW_PASSWORD, NEW_PASSWORD);

        assertThat(repository.emailConfirmed(fresh.id())).isTrue();
        assertThat(attempts.failuresInARow(fresh.email(), client)).isZero();
    }

    @Test
    void each_address_gets_only_a_few_links_per_window_whether_or_not_it_has_an_account() {
        ConveneUser user = fixtures.user("Lena Limit");
        String nobody = AccountFixtures.uniqueEmail("limit-nobody");
        for (int i = 0; i < limits.resetsPerAddress(); i++) {
            assertThat(ask(user.email())).isInstanceOf(SendResult.Sent.class);
            assertThat(ask(nobody)).isInstanceOf(SendResult.Sent.class);
        }

        SendResult refused = ask(user.email());
        assertThat(refused).isInstanceOf(SendResult.NotSent.class);
        assertThat(refused.message()).startsWith("We have sent several links to this address just now.");
        assertThat(ask(nobody)).isEqualTo(refused);
        assertThat(mail.to(user.email(), "password-reset")).hasSize(limits.resetsPerAddress());

        clock.advance(limits.window());
        assertThat(ask(user.email())).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void each_client_address_may_ask_only_so_often_whatever_addresses_it_names() {
        for (int i = 0; i < limits.resetsPerClientAddress(); i++) {
            assertThat(ask(AccountFixtures.uniqueEmail("spray"))).isInstanceOf(SendResult.Sent.class);
        }

        SendResult refused = ask(AccountFixtures.uniqueEmail("spray"));

        assertThat(refused).isInstanceOf(SendResult.NotSent.class);
        assertThat(refused.message()).startsWith("Too many links have been asked for from your network just now.");
    }

    @Test
    void an_organiser_can_send_someone_a_link_and_nobody_else_can() {
        ConveneUser organiser = fixtures.user("Olu Organiser", Role.ORGANISER);
        ConveneUser attendee = fixtures.user("Ada Attendee");
        ConveneUser person = fixtures.user("Pat Person");

        AccountFixtures.actAs(attendee);
        assertThatThrownBy(() -> resets.sendFor(person.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(mail.to(person.email(), "password-reset")).isEmpty();

        AccountFixtures.actAs(organiser);
        SendResult sent = resets.sendFor(person.id());

        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        assertThat(sent.message()).contains("Pat Person", person.email());
        AccountMail.Message message = mail.last(person.email(), "password-reset");
        assertThat(message.text()).contains("An organiser of the event sent you this link");
        assertThat(resets.reset(message.token(), NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordResetResult.Done.class);
    }
}
