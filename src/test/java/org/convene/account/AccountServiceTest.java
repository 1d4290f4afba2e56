package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.PASSWORD;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.account.AccountFixtures.uniqueEmail;
import static org.convene.core.SaveResults.saved;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.USER_ROLE;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;
    @Autowired
    ThrottledAuthenticationProvider logIn;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    LoginProperties limits;

    /**
     * These tests call the service as a script would, with no client address: Spring's test support gives each
     * test a mock request from 127.0.0.1, whose sign-up budget they would otherwise share with the whole run.
     * The budget's own test sets an address.
     */
    @BeforeEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private Map<AccountField, String> signUpErrors(String name, String email, String password) {
        return problems(accounts.signUp(name, email, password));
    }

    /** The problems of a refusal; fails the test if the change was made. */
    private static Map<AccountField, String> problems(SaveResult<?> result) {
        assertThat(result).as("the change should have been refused").isInstanceOf(SaveResult.Invalid.class);
        return AccountField.problems((SaveResult.Invalid<?>) result);
    }

    // --- sign-up ---------------------------------------------------------------------------------

    @Test
    void sign_up_creates_an_attendee_with_a_trimmed_name_and_a_lower_case_email() {
        String email = uniqueEmail("New.Person");
        ConveneUser user = saved(accounts.signUp("  Nia Newcomer  ", "  " + email.toUpperCase() + " ", PASSWORD));

        assertThat(user.displayName()).isEqualTo("Nia Newcomer");
        assertThat(user.email()).isEqualTo(email.toLowerCase());
        assertThat(user.roles()).containsExactly(Role.ATTENDEE);
        assertThat(user.passwordHash()).as("the hash stays in the database").isEmpty();

        var row = db.selectFrom(APP_USER).where(APP_USER.ID.eq(user.id())).fetchSingle();
        assertThat(row.getEmail()).isEqualTo(email.toLowerCase());
        assertThat(row.getPasswordHash()).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(passwordEncoder.matches(PASSWORD, row.getPasswordHash())).isTrue();
        assertThat(db.fetch(USER_ROLE, USER_ROLE.USER_ID.eq(user.id())).getValues(USER_ROLE.ROLE))
                .containsExactly(Role.ATTENDEE);
    }

    @Test
    void display_name_is_required() {
        assertThat(signUpErrors("   ", uniqueEmail("a"), PASSWORD))
                .containsExactly(Map.entry(AccountField.DISPLAY_NAME, "Enter your name"));
    }

    @Test
    void display_name_may_have_80_characters_but_not_81() {
        assertThat(signUpErrors("n".repeat(81), uniqueEmail("a"), PASSWORD))
                .containsExactly(Map.entry(AccountField.DISPLAY_NAME, "Your name must be 80 characters or fewer"));
        assertThat(saved(accounts.signUp("n".repeat(80), uniqueEmail("a"), PASSWORD)).displayName()).hasSize(80);
    }

    @Test
    void email_is_required() {
        assertThat(signUpErrors("Pat", " ", PASSWORD))
                .containsExactly(Map.entry(AccountField.EMAIL, "Enter your email address"));
    }

    @Test
    void email_in_the_wrong_format_is_refused() {
        for (String wrong : List.of("pat", "pat@", "@example.org", "pat@example", "pat smith@example.org",
                "pat@@example.org", "pat@example..org")) {
            assertThat(signUpErrors("Pat", wrong, PASSWORD)).as(wrong).containsExactly(Map.entry(AccountField.EMAIL,
                    "Enter an email address in the correct format, like name@example.com"));
        }
    }

    @Test
    void email_longer_than_254_characters_is_refused() {
        String tooLong = "a".repeat(243) + "@example.org";
        assertThat(tooLong).hasSize(255);
        assertThat(signUpErrors("Pat", tooLong, PASSWORD)).containsExactly(
                Map.entry(AccountField.EMAIL, "Your email address must be 254 characters or fewer"));
    }

    @Test
    void email_already_taken_in_another_case_is_refused_with_a_specific_message() {
        String email = uniqueEmail("taken");
        saved(accounts.signUp("First Person", email, PASSWORD));

        assertThat(signUpErrors("Second Person", email.toUpperCase(), "another-fine-password")).containsExactly(
                Map.entry(AccountField.EMAIL, "An account with this email address already exists. "
                        + "Log in instead, or use a different email address"));
    }

    @Test
    void sign_ups_from_one_client_address_are_budgeted_and_other_addresses_carry_on() {
        clock.set(Instant.parse("2031-04-03T09:00:00Z"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113." + (1 + new java.util.Random().nextInt(250)));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            for (int i = 0; i < limits.signUpsPerAddress(); i++) {
                saved(accounts.signUp("Bulk " + i, uniqueEmail("bulk"), PASSWORD));
            }

            Map<AccountField, String> e = problems(accounts.signUp("One Too Many", uniqueEmail("bulk"), PASSWORD));
            assertThat(e).containsOnlyKeys(AccountField.EMAIL);
            assertThat(e.get(AccountField.EMAIL))
                    .startsWith("Too many accounts have been made from your network just now. Try again in ");

            request.setRemoteAddr("203.0.113.251");
            saved(accounts.signUp("Someone Elsewhere", uniqueEmail("elsewhere"), PASSWORD));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void the_unique_index_decides_when_two_sign_ups_race_for_one_email() {
        String email = uniqueEmail("race");
        assertThat(repository.insert("First", email, "{noop}x", Instant.now(), null)).isPresent();
        assertThat(repository.insert("Second", email, "{noop}y", Instant.now(), null)).isEmpty();
    }

    @Test
    void password_shorter_than_10_characters_is_refused() {
        assertThat(signUpErrors("Pat", uniqueEmail("a"), "short-one"))
                .containsExactly(Map.entry(AccountField.PASSWORD, "Password must be at least 10 characters"));
    }

    @Test
    void password_is_required() {
        assertThat(signUpErrors("Pat", uniqueEmail("a"), ""))
                .containsExactly(Map.entry(AccountField.PASSWORD, "Enter a password"));
    }

    @Test
    void password_may_have_128_characters_but_not_129_and_long_ones_are_not_cut_short() {
        assertThat(signUpErrors("Pat", uniqueEmail("a"), "x".repeat(129)))
                .containsExactly(Map.entry(AccountField.PASSWORD, "Password must be 128 characters or fewer"));

        // 128 characters of 3 bytes each: far beyond bcrypt's 72-byte limit.
        String longPassword = "\u20ac".repeat(127) + "x";
        ConveneUser user = saved(accounts.signUp("Pat", uniqueEmail("long"), longPassword));
        String hash = repository.findForLogin(user.id()).orElseThrow().passwordHash();
        assertThat(passwordEncoder.matches(longPassword, hash)).isTrue();
        assertThat(passwordEncoder.matches("\u20ac".repeat(127) + "y", hash)).isFalse();
    }

    @Test
    void commonly_used_passwords_are_refused_whatever_their_case() {
        for (String common : List.of("Password123", "QWERTYUIOP", "iloveyou123", "1234567890")) {
            assertThat(signUpErrors("Pat", uniqueEmail("a"), common)).as(common).containsExactly(Map.entry(
                    AccountField.PASSWORD,
                    "Password is too easy to guess because many people use it. Choose a different one"));
        }
    }

    @Test
    void password_containing_the_email_local_part_or_the_name_is_refused() {
        String message = "Password must not contain your name or email address";
        assertThat(signUpErrors("Pat", "robin.hood@example.org", "my-Robin.Hood-secret"))
                .containsExactly(Map.entry(AccountField.PASSWORD, message));
        assertThat(signUpErrors("Morgan Lee", uniqueEmail("a"), "xx-morganlee-xx"))
                .containsExactly(Map.entry(AccountField.PASSWORD, message));
        assertThat(signUpErrors("Morgan Lee", uniqueEmail("a"), "xx-Morgan Lee-xx"))
                .containsExactly(Map.entry(AccountField.PASSWORD, message));
    }

    @Test
    void every_problem_is_reported_at_once_in_form_order() {
        assertThat(signUpErrors("", "not-an-email", "short").keySet())
                .containsExactly(AccountField.DISPLAY_NAME, AccountField.EMAIL, AccountField.PASSWORD);
    }

    // --- change password -------------------------------------------------------------------------

    @Test
    void change_password_needs_the_right_current_password() {
        ConveneUser user = fixtures.user("Casey Change");
        actAs(user);

        Map<AccountField, String> e = problems(accounts.changePassword("not-my-password", "brand-new-river-stone"));
        assertThat(e).containsExactly(Map.entry(AccountField.CURRENT_PASSWORD,
                "Your current password is not right. Check it and try again"));
    }

    @Test
    void change_password_applies_the_sign_up_rules_and_the_confirmation() {
        ConveneUser user = fixtures.user("Casey Change");
        actAs(user);

        Map<AccountField, String> e = problems(accounts.changePassword(PASSWORD, "short", "shorter"));
        assertThat(e).containsExactly(
                Map.entry(AccountField.NEW_PASSWORD, "New password must be at least 10 characters"),
                Map.entry(AccountField.CONFIRM_PASSWORD,
                        "The two new passwords do not match. Enter the same password twice"));

        e = problems(accounts.changePassword(PASSWORD, "casey change rocks", "casey change rocks"));
        assertThat(e).containsExactly(Map.entry(AccountField.NEW_PASSWORD,
                "New password must not contain your name or email address"));

        e = problems(accounts.changePassword(PASSWORD, PASSWORD, PASSWORD));
        assertThat(e).containsExactly(Map.entry(AccountField.NEW_PASSWORD,
                "New password must be different from your current password"));
    }

    @Test
    void change_password_stores_a_new_hash_and_bumps_the_version() {
        ConveneUser user = fixtures.user("Casey Change");
        int versionBefore = db.select(APP_USER.VERSION).from(APP_USER).where(APP_USER.ID.eq(user.id())).fetchSingle().value1();
        actAs(user);

        saved(accounts.changePassword(PASSWORD, "brand-new-river-stone"));

        var row = db.selectFrom(APP_USER).where(APP_USER.ID.eq(user.id())).fetchSingle();
        assertThat(passwordEncoder.matches("brand-new-river-stone", row.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, row.getPasswordHash())).isFalse();
        assertThat(row.getVersion()).isEqualTo(versionBefore + 1);
    }

    private String currentPasswordError(String current) {
        Map<AccountField, String> e = problems(accounts.changePassword(current, "brand-new-river-stone"));
        return e.get(AccountField.CURRENT_PASSWORD);
    }

    private int failedLogins(ConveneUser user) {
        // A service called without an HTTP request counts under no address, as log-in without one does.
        return attempts.failuresInARow(user.email(), LoginAttempts.NO_ADDRESS);
    }

    @Test
    void guessing_the_current_password_is_throttled_like_log_in_and_a_change_starts_the_count_again() {
        Instant start = Instant.parse("2031-04-02T09:00:00Z");
        clock.set(start);
        ConveneUser user = fixtures.user("Casey Guess");
        actAs(user);
        String notRight = "Your current password is not right. Check it and try again";

        for (int i = 1; i <= 4; i++) {
            assertThat(currentPasswordError("guess-number-" + i)).isEqualTo(notRight);
        }
        assertThat(failedLogins(user)).as("refusals are counted, not rolled back").isEqualTo(4);
        assertThat(currentPasswordError("guess-number-5"))
                .isEqualTo("Too many failed attempts. Try again in 30 seconds.");

        clock.set(start.plusSeconds(10));
        assertThat(currentPasswordError(PASSWORD)).as("even the right password waits")
                .isEqualTo("Too many failed attempts. Try again in 20 seconds.");
        assertThatThrownBy(() -> logIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.email(), PASSWORD)))
                .as("the same count as log-in").isInstanceOf(TooManyLoginAttemptsException.class);

        clock.set(start.plusSeconds(31));
        assertThat(currentPasswordError("guess-number-6")).as("the wait grows")
                .isEqualTo("Too many failed attempts. Try again in 1 minute.");

        clock.set(start.plusSeconds(92));
        saved(accounts.changePassword(PASSWORD, "brand-new-river-stone"));
        assertThat(failedLogins(user)).isZero();
        assertThat(currentPasswordError("guess-number-7")).isEqualTo(notRight);
    }

    @Test
    void a_right_current_password_with_a_refused_new_one_still_starts_the_count_again() {
        clock.set(Instant.parse("2031-04-02T10:00:00Z"));
        ConveneUser user = fixtures.user("Casey Retry");
        actAs(user);
        currentPasswordError("guess-number-1");
        currentPasswordError("guess-number-2");

        Map<AccountField, String> e = problems(accounts.changePassword(PASSWORD, "short"));

        assertThat(e).containsOnlyKeys(AccountField.NEW_PASSWORD);
        assertThat(failedLogins(user)).isZero();
    }

    @Test
    void an_empty_current_password_is_not_counted_as_a_guess() {
        ConveneUser user = fixtures.user("Casey Empty");
        actAs(user);

        assertThat(currentPasswordError("")).isEqualTo("Enter your current password");
        assertThat(failedLogins(user)).isZero();
    }

    @Test
    void change_password_needs_someone_signed_in() {
        assertThatThrownBy(() -> accounts.changePassword(PASSWORD, "brand-new-river-stone"))
                .isInstanceOf(org.convene.core.security.CurrentUser.NotSignedInException.class);
    }

    // --- roles -----------------------------------------------------------------------------------

    @Test
    void people_who_are_not_organisers_cannot_list_accounts_or_change_roles() {
        ConveneUser target = fixtures.user("Target Person");
        for (ConveneUser actor : List.of(fixtures.user("Just Attendee"), fixtures.user("Fac Ilitator", Role.FACILITATOR))) {
            actAs(actor);
            assertThatThrownBy(() -> accounts.users(null, UserSort.NAME, true, 0, 10))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.countUsers(null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.grant(target.id(), Role.ORGANISER))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.revoke(target.id(), Role.FACILITATOR))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(repository.rolesOf(target.id())).containsExactly(Role.ATTENDEE);
    }

    @Test
    void a_session_that_still_says_organiser_is_refused_once_the_role_is_gone() {
        ConveneUser formerOrganiser = fixtures.user("Former Organiser", Role.ORGANISER);
        repository.removeRole(formerOrganiser.id(), Role.ORGANISER);
        actAs(formerOrganiser);

        assertThatThrownBy(() -> accounts.countUsers(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void organisers_give_and_remove_roles_and_the_change_is_logged_by_id_only(CapturedOutput output) {
        ConveneUser organiser = fixtures.user("Olive Organiser", Role.ORGANISER);
        ConveneUser person = fixtures.user("Fern Future");
        actAs(organiser);

        UserSummary afterGrant = accounts.grant(person.id(), Role.FACILITATOR);
        assertThat(afterGrant.roles()).containsExactlyInAnyOrder(Role.ATTENDEE, Role.FACILITATOR);
        assertThat(accounts.grant(person.id(), Role.FACILITATOR).roles()).as("granting twice changes nothing")
                .containsExactlyInAnyOrder(Role.ATTENDEE, Role.FACILITATOR);

        UserSummary afterRevoke = accounts.revoke(person.id(), Role.FACILITATOR);
        assertThat(afterRevoke.roles()).containsExactly(Role.ATTENDEE);

        assertThat(output.getOut())
                .contains("User " + organiser.id() + " gave role FACILITATOR to user " + person.id())
                .contains("User " + organiser.id() + " removed role FACILITATOR from user " + person.id())
                .doesNotContain(person.email()).doesNotContain(organiser.email());
    }

    @Test
    void the_attendee_role_cannot_be_removed() {
        ConveneUser organiser = fixtures.user("Olive Organiser", Role.ORGANISER);
        ConveneUser person = fixtures.user("Pat Person");
        actAs(organiser);

        assertThatThrownBy(() -> accounts.revoke(person.id(), Role.ATTENDEE))
                .isInstanceOf(RoleChangeRefusedException.class)
                .hasMessage("Everyone who has an account is an attendee. The attendee role cannot be removed.");
        assertThat(repository.rolesOf(person.id())).containsExactly(Role.ATTENDEE);
    }

    @Test
    @Transactional
    void the_last_organiser_cannot_remove_their_own_organiser_role() {
        ConveneUser organiser = fixtures.user("Only Organiser", Role.ORGANISER);
        // Other test classes leave organisers behind; this transaction is rolled back afterwards.
        db.deleteFrom(USER_ROLE).where(USER_ROLE.ROLE.eq(Role.ORGANISER), USER_ROLE.USER_ID.ne(organiser.id())).execute();
        actAs(organiser);

        assertThatThrownBy(() -> accounts.revoke(organiser.id(), Role.ORGANISER))
                .isInstanceOf(RoleChangeRefusedException.class)
                .hasMessage("You are the only organiser, so you cannot remove your own organiser role. "
                        + "Make someone else an organiser first.");
        assertThat(repository.rolesOf(organiser.id())).contains(Role.ORGANISER);
    }

    @Test
    void an_organiser_may_remove_their_own_organiser_role_while_another_organiser_remains() {
        ConveneUser leaving = fixtures.user("Leaving Organiser", Role.ORGANISER);
        fixtures.user("Staying Organiser", Role.ORGANISER);
        actAs(leaving);

        assertThat(accounts.revoke(leaving.id(), Role.ORGANISER).roles()).containsExactly(Role.ATTENDEE);
        assertThatThrownBy(() -> accounts.countUsers(null)).as("and can no longer manage roles")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void changing_roles_of_an_unknown_account_is_refused() {
        actAs(fixtures.user("Olive Organiser", Role.ORGANISER));
        assertThatThrownBy(() -> accounts.grant(-1, Role.FACILITATOR)).isInstanceOf(NoSuchUserException.class);
    }

    @Test
    void the_people_list_pages_sorts_and_filters_with_a_matching_count() {
        String tag = "zq" + Long.toString(System.nanoTime(), 36);
        ConveneUser organiser = fixtures.user("Olive Organiser " + tag, Role.ORGANISER);
        fixtures.user("Amy " + tag);
        fixtures.user("bea " + tag, Role.FACILITATOR);
        fixtures.user("Cal " + tag);
        actAs(organiser);

        assertThat(accounts.countUsers(tag)).isEqualTo(4);
        assertThat(accounts.users(tag, UserSort.NAME, true, 0, 10)).extracting(UserSummary::displayName)
                .containsExactly("Amy " + tag, "bea " + tag, "Cal " + tag, "Olive Organiser " + tag);
        assertThat(accounts.users(tag, UserSort.NAME, false, 1, 2)).extracting(UserSummary::displayName)
                .containsExactly("Cal " + tag, "bea " + tag);
        assertThat(accounts.users(tag, UserSort.CREATED, false, 0, 1)).extracting(UserSummary::displayName)
                .containsExactly("Cal " + tag);
        assertThat(accounts.users(tag.toUpperCase(), UserSort.EMAIL, true, 0, 10)).hasSize(4);
        assertThat(accounts.users("bea " + tag, UserSort.NAME, true, 0, 10)).singleElement()
                .satisfies(u -> assertThat(u.roles()).isEqualTo(Set.of(Role.ATTENDEE, Role.FACILITATOR)));
        assertThat(accounts.countUsers(organiser.email().toUpperCase())).as("email search ignores case").isEqualTo(1);
        assertThat(accounts.countUsers("%")).as("wildcards are searched for literally").isZero();
    }

    @Test
    void my_account_reads_name_email_and_current_roles() {
        ConveneUser user = fixtures.user("Mia Mine", Role.FACILITATOR);
        actAs(user);

        UserSummary me = accounts.myAccount();
        assertThat(me.displayName()).isEqualTo("Mia Mine");
        assertThat(me.email()).isEqualTo(user.email());
        assertThat(me.roles()).containsExactlyInAnyOrder(Role.ATTENDEE, Role.FACILITATOR);
    }

    @Test
    void sign_up_refuses_a_nul_or_control_character_in_the_name_or_email_naming_the_field() {
        assertThat(signUpErrors("Pat\u0000Smith", "pat\u0000" + uniqueEmail("a"), PASSWORD)).containsExactly(
                Map.entry(AccountField.DISPLAY_NAME, "Your name contains a character that cannot be stored (a control character). Remove it and try again."),
                Map.entry(AccountField.EMAIL, "Your email address contains a character that cannot be stored (a control character). Remove it and try again."));
        assertThat(signUpErrors("Pat\u001B[2J", uniqueEmail("a"), PASSWORD)).containsOnlyKeys(AccountField.DISPLAY_NAME);
    }
}
