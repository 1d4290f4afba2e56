package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.PASSWORD;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {

    private static final Instant START = Instant.parse("2031-03-10T09:00:00Z");
    private static final String INCORRECT = "Incorrect email or password";

    @Autowired
    ThrottledAuthenticationProvider provider;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    WebApplicationContext context;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    LoginProperties limits;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        clock.set(START);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A client address of its own for every test: the counts are kept per address, across the test run. */
    private final String address = uniqueAddress();

    private static String uniqueAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger(new Random().nextInt(20_000));

    private Authentication logIn(String email, String password) {
        return logIn(email, password, address);
    }

    private Authentication logIn(String email, String password, String from) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetails(from, null));
        return provider.authenticate(attempt);
    }

    private String refusal(String email, String password) {
        return refusal(email, password, address);
    }

    private String refusal(String email, String password, String from) {
        try {
            logIn(email, password, from);
        } catch (AuthenticationException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("log-in should have been refused");
    }

    private static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private void failTimes(String email, int times) {
        for (int i = 0; i < times; i++) {
            refusal(email, "wrong-password-" + i);
        }
    }

    // --- service level ---------------------------------------------------------------------------

    @Test
    void the_right_password_logs_in_with_roles_and_without_the_hash() {
        ConveneUser user = fixtures.user("Lou Login");

        Authentication auth = logIn("  " + user.email().toUpperCase() + " ", PASSWORD);

        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.getPrincipal()).isInstanceOfSatisfying(ConveneUser.class, principal -> {
            assertThat(principal.id()).isEqualTo(user.id());
            assertThat(principal.roles()).isEqualTo(user.roles());
            assertThat(principal.passwordHash()).isEmpty();
        });
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_message() {
        ConveneUser user = fixtures.user("Lou Login");

        assertThatThrownBy(() -> logIn(user.email(), "not-the-password"))
                .isInstanceOf(BadCredentialsException.class).hasMessage(INCORRECT);
        assertThatThrownBy(() -> logIn(AccountFixtures.uniqueEmail("nobody"), "not-the-password"))
                .isInstanceOf(BadCredentialsException.class).hasMessage(INCORRECT);
    }

    @Test
    void five_failures_in_a_row_from_one_address_pause_the_account_there_even_for_the_right_password() {
        ConveneUser user = fixtures.user("Lou Login");

        for (int i = 1; i <= 4; i++) {
            assertThat(refusal(user.email(), "wrong-" + i)).as("failure %d", i).isEqualTo(INCORRECT);
        }
        assertThatThrownBy(() -> logIn(user.email(), "wrong-5"))
                .isInstanceOf(TooManyLoginAttemptsException.class)
                .hasMessage("Too many failed attempts. Try again in 30 seconds.");

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> logIn(user.email(), PASSWORD))
                .isInstanceOf(TooManyLoginAttemptsException.class)
                .hasMessage("Too many failed attempts. Try again in 20 seconds.");

        clock.advance(Duration.ofSeconds(20));
        assertThat(logIn(user.email(), PASSWORD).isAuthenticated()).isTrue();
        assertThat(attempts.failuresInARow(user.email(), address)).isZero();
    }

    @Test
    void attempts_refused_while_locked_do_not_count_as_failures() {
        ConveneUser user = fixtures.user("Lou Login");
        failTimes(user.email(), 5);

        for (int i = 0; i < 3; i++) {
            refusal(user.email(), "guess-while-locked-" + i);
        }

        assertThat(attempts.failuresInARow(user.email(), address)).isEqualTo(5);
    }

    @Test
    void each_further_failure_doubles_the_wait_up_to_15_minutes() {
        ConveneUser user = fixtures.user("Lou Login");
        failTimes(user.email(), 4);
        List<String> messages = new ArrayList<>();
        Duration wait = Duration.ZERO;
        for (int failure = 5; failure <= 11; failure++) {
            clock.advance(wait);
            messages.add(refusal(user.email(), "wrong-" + failure));
            wait = LoginAttempts.waitAfter(failure);
        }

        assertThat(messages).containsExactly(
                "Too many failed attempts. Try again in 30 seconds.",
                "Too many failed attempts. Try again in 1 minute.",
                "Too many failed attempts. Try again in 2 minutes.",
                "Too many failed attempts. Try again in 4 minutes.",
                "Too many failed attempts. Try again in 8 minutes.",
                "Too many failed attempts. Try again in 15 minutes.",
                "Too many failed attempts. Try again in 15 minutes.");
    }

    @Test
    void a_successful_log_in_starts_the_count_again() {
        ConveneUser user = fixtures.user("Lou Login");
        failTimes(user.email(), 4);
        logIn(user.email(), PASSWORD);

        failTimes(user.email(), 4);

        assertThat(refusal(user.email(), PASSWORD + "-not")).isEqualTo(
                "Too many failed attempts. Try again in 30 seconds.");
    }

    @Test
    void an_unknown_email_is_paused_like_a_real_account_so_the_pause_reveals_nothing() {
        String nobody = AccountFixtures.uniqueEmail("nobody");
        for (int i = 1; i <= 4; i++) {
            assertThat(refusal(nobody, "guess-" + i)).isEqualTo(INCORRECT);
        }
        assertThat(refusal(nobody, "guess-5")).isEqualTo("Too many failed attempts. Try again in 30 seconds.");
        clock.advance(Duration.ofSeconds(5));
        assertThat(refusal(nobody, "guess-6")).isEqualTo("Too many failed attempts. Try again in 25 seconds.");
    }

    @Test
    void parallel_guesses_cannot_get_past_the_limit() throws Exception {
        ConveneUser user = fixtures.user("Lou Login");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String guess = "parallel-guess-" + i;
                Callable<String> attempt = () -> {
                    start.await();
                    return refusal(user.email(), guess);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> messages = new ArrayList<>();
            for (Future<String> result : results) {
                messages.add(result.get());
            }
            assertThat(messages).as("only the first five guesses are checked").filteredOn(INCORRECT::equals).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.failuresInARow(user.email(), address)).isEqualTo(5);
    }

    // --- per account and address, and per address ------------------------------------------------

    @Test
    void wrong_passwords_from_one_address_do_not_keep_the_owner_out_from_another() {
        ConveneUser organiser = fixtures.user("Olu Organiser", Role.ORGANISER);
        String attacker = uniqueAddress();
        for (int i = 0; i < 12; i++) {
            refusal(organiser.email(), "guess-" + i, attacker);
        }
        assertThatThrownBy(() -> logIn(organiser.email(), PASSWORD, attacker))
                .as("the guesser's address stays paused").isInstanceOf(TooManyLoginAttemptsException.class);

        Authentication owner = logIn(organiser.email(), PASSWORD, address);

        assertThat(owner.isAuthenticated()).isTrue();
    }

    @Test
    void one_address_trying_many_accounts_is_refused_once_its_failures_are_used_up_then_slowed() {
        List<ConveneUser> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(fixtures.user("Sprayed " + i));
        }
        for (int i = 0; i < limits.failuresPerAddress(); i++) {
            String email = i < people.size() ? people.get(i).email() : AccountFixtures.uniqueEmail("spray");
            assertThat(refusal(email, "Summer2031!")).as("failure %d", i + 1).isEqualTo(INCORRECT);
        }

        assertThat(refusal(people.get(0).email(), PASSWORD)).as("even a right password from that address")
                .startsWith("Too many failed log-ins have come from your network just now. Try again in ");
        assertThat(logIn(people.get(1).email(), PASSWORD, uniqueAddress()).isAuthenticated())
                .as("another address is not affected").isTrue();

        clock.advance(limits.addressWindow().dividedBy(limits.failuresPerAddress()));
        assertThat(logIn(people.get(2).email(), PASSWORD).isAuthenticated()).as("one try back after a while").isTrue();
        assertThat(refusal(people.get(0).email(), "Autumn2031!")).isEqualTo(INCORRECT);
        assertThat(refusal(people.get(1).email(), "Winter2031!")).startsWith("Too many failed log-ins");
    }

    @Test
    void right_passwords_do_not_use_up_the_address_s_budget() {
        ConveneUser user = fixtures.user("Venue Visitor");
        for (int i = 0; i < limits.failuresPerAddress() + 5; i++) {
            assertThat(logIn(user.email(), PASSWORD).isAuthenticated()).isTrue();
        }
    }

    @Test
    void a_pause_of_an_organiser_is_logged_with_the_account_id_and_without_the_email(CapturedOutput output) {
        ConveneUser organiser = fixtures.user("Olu Logged", Role.ORGANISER);

        failTimes(organiser.email(), 5);

        assertThat(output.getOut()).contains("Log-in for organiser account " + organiser.id() + " paused for 30 s")
                .doesNotContain(organiser.email()).doesNotContain(address);
    }

    // --- through Spring Security's form log-in endpoint ------------------------------------------

    private MvcResult postLogin(MockHttpSession session, String email, String password) throws Exception {
        // No CSRF token, like the log-in page's native form (Vaadin's configurer exempts /login).
        return mvc.perform(post("/login").session(session).with(from(address))
                        .param("username", email).param("password", password))
                .andReturn();
    }

    @Test
    void form_log_in_with_the_right_password_signs_in_and_goes_home() throws Exception {
        ConveneUser user = fixtures.user("Lou Login");

        mvc.perform(post("/login").param("username", user.email()).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withAuthentication(auth ->
                        assertThat(((ConveneUser) auth.getPrincipal()).id()).isEqualTo(user.id())));
    }

    @Test
    void form_log_in_keeps_neither_the_password_nor_its_hash_in_the_session() throws Exception {
        ConveneUser user = fixtures.user("Lou Login");
        MockHttpSession session = new MockHttpSession();

        postLogin(session, user.email(), PASSWORD);

        SecurityContext saved = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).isNotNull();
        assertThat(saved.getAuthentication().getCredentials()).isNull();
        assertThat(saved.getAuthentication().getPrincipal()).isInstanceOfSatisfying(ConveneUser.class,
                principal -> assertThat(principal.passwordHash()).isEmpty());
    }

    @Test
    void form_log_in_failure_returns_to_the_log_in_page_with_the_reason_and_the_email_typed() throws Exception {
        ConveneUser user = fixtures.user("Lou Login");
        MockHttpSession session = new MockHttpSession();

        MvcResult result = postLogin(session, user.email(), "not-the-password");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(LoginFailures.messageFor(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)))
                .isEqualTo(INCORRECT);
        assertThat(session.getAttribute(LoginFailures.ATTEMPTED_EMAIL)).isEqualTo(user.email());
        mvc.perform(get("/").session(session)).andExpect(unauthenticated());
    }

    @Test
    void form_log_in_is_refused_after_five_failures_from_one_address_even_with_the_right_password() throws Exception {
        ConveneUser user = fixtures.user("Lou Login");
        MockHttpSession session = new MockHttpSession();
        for (int i = 0; i < 5; i++) {
            postLogin(session, user.email(), "wrong-" + i);
        }

        clock.advance(Duration.ofSeconds(1));
        MvcResult result = postLogin(session, user.email(), PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(TooManyLoginAttemptsException.class);
        assertThat(LoginFailures.messageFor(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)))
                .isEqualTo("Too many failed attempts. Try again in 29 seconds.");

        clock.advance(Duration.ofSeconds(29));
        mvc.perform(post("/login").with(from(address)).param("username", user.email()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated());
    }

    @Test
    void the_log_in_address_is_left_to_our_log_in_view_not_spring_security_s_generated_page() throws Exception {
        MvcResult result = mvc.perform(get("/login")).andReturn();

        assertThat(result.getResponse().getForwardedUrl()).isEqualTo(org.convene.TestConfig.VAADIN_SERVLET);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Please sign in");
    }
}
