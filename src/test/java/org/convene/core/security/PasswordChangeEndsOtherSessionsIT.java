package org.convene.core.security;

import org.convene.core.SaveResult;
import jakarta.servlet.http.HttpSession;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountService;
import org.convene.account.AccountSessions;
import org.convene.account.ApiTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.account.AccountFixtures.PASSWORD;
import static org.convene.account.AccountFixtures.actAs;

/**
 * A password change ends every other signed-in session of that person at its next request, over real HTTP
 * (the Vaadin servlet, the route registry and the session cookie are all part of it). Same configuration
 * as PageAddressesIT, so the server context is shared. An integration test (failsafe, its own JVM after
 * `package`): Vaadin's page shell needs the production frontend build, and a second Spring context with Vaadin
 * replaces the global SecurityContextHolder strategy, which MockMvc tests of an older context (such as
 * TokenApiTest) would then no longer see if it ran among the unit tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class PasswordChangeEndsOtherSessionsIT {

    private static final String NEW_PASSWORD = "lantern-harbour-meadow";

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One browser: its own cookie jar. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String contentType, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void logIn(ConveneUser user, String password) throws Exception {
            get("/login");
            HttpResponse<String> response = post("/login", "application/x-www-form-urlencoded",
                    "username=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
            assertThat(response.headers().firstValue("Location")).as("signed in").hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("error"));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        void assertSignedIn() throws Exception {
            HttpResponse<String> account = get("/account");
            assertThat(account.statusCode()).as("the account page opens").isEqualTo(200);
        }

        void assertSentToLogIn() throws Exception {
            HttpResponse<String> account = get("/account");
            assertThat(account.statusCode()).isEqualTo(302);
            assertThat(account.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The server side of a browser's session, to do what AccountView does in the session that changed the password. */
    private HttpSession serverSession(Browser browser) throws Exception {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context webApp = (Context) server.getTomcat().getHost().findChildren()[0];
        Session session = webApp.getManager().findSession(browser.sessionId());
        assertThat(session).as("the browser's session on the server").isNotNull();
        return session.getSession();
    }

    /** AccountView's password change: the service, then the new version kept in the session that made it. */
    private void changePasswordIn(Browser browser, ConveneUser user) throws Exception {
        actAs(user);
        int version = ((SaveResult.Saved<Integer>) accounts.changePassword(PASSWORD, NEW_PASSWORD)).value();
        SecurityContextHolder.clearContext();
        serverSession(browser).setAttribute(AccountSessions.VERSION, version);
    }

    @Test
    void other_sessions_are_sent_to_log_in_and_the_one_that_changed_the_password_stays_signed_in() throws Exception {
        ConveneUser user = fixtures.user("Sam Two Browsers");
        Browser laptop = new Browser();
        Browser library = new Browser();
        laptop.logIn(user, PASSWORD);
        library.logIn(user, PASSWORD);
        laptop.assertSignedIn();
        library.assertSignedIn();

        changePasswordIn(laptop, user);

        library.assertSentToLogIn();
        assertThat(serverSession(library).getAttribute(AccountSessions.LOGGED_OUT_BECAUSE))
                .as("the log-in page will say why").isEqualTo(AccountSessions.PASSWORD_CHANGED_ELSEWHERE);
        library.assertSentToLogIn();
        laptop.assertSignedIn();
        laptop.assertSignedIn();

        library.logIn(user, NEW_PASSWORD);
        library.assertSignedIn();
        laptop.assertSignedIn();
    }

    @Test
    void a_password_changed_without_a_session_of_its_own_ends_every_session() throws Exception {
        ConveneUser user = fixtures.user("Sam One Browser");
        Browser browser = new Browser();
        browser.logIn(user, PASSWORD);
        browser.assertSignedIn();

        actAs(user);
        assertThat(accounts.changePassword(PASSWORD, NEW_PASSWORD)).isInstanceOf(SaveResult.Saved.class);

        browser.assertSentToLogIn();
    }

    @Test
    void a_session_keeps_the_version_it_logged_in_with_even_before_its_first_page() throws Exception {
        ConveneUser user = fixtures.user("Sam Quick Change");
        Browser browser = new Browser();
        browser.logIn(user, PASSWORD);

        actAs(user);
        assertThat(accounts.changePassword(PASSWORD, NEW_PASSWORD)).isInstanceOf(SaveResult.Saved.class);

        browser.assertSentToLogIn();
    }

    @Test
    void a_vaadin_request_of_an_ended_session_is_told_the_session_expired_without_an_error_in_the_log(
            CapturedOutput output) throws Exception {
        ConveneUser user = fixtures.user("Sam Open Page");
        Browser browser = new Browser();
        browser.logIn(user, PASSWORD);
        browser.assertSignedIn();
        actAs(user);
        assertThat(accounts.changePassword(PASSWORD, NEW_PASSWORD)).isInstanceOf(SaveResult.Saved.class);
        int logBefore = output.getAll().length();

        HttpResponse<String> uidl = browser.post("/?v-r=uidl&v-uiId=0", "application/json; charset=UTF-8",
                "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":1,\"clientId\":1}");

        assertThat(uidl.statusCode()).isEqualTo(200);
        assertThat(uidl.body()).contains("sessionExpired");
        assertThat(serverSession(browser).getAttribute(AccountSessions.LOGGED_OUT_BECAUSE))
                .as("that request ended the session").isEqualTo(AccountSessions.PASSWORD_CHANGED_ELSEWHERE);
        browser.assertSentToLogIn();
        assertThat(output.getAll().substring(logBefore)).doesNotContain(" ERROR ").doesNotContain(user.email());
    }

    @Test
    void api_tokens_are_separate_credentials_and_keep_working() {
        ConveneUser user = fixtures.user("Sam Stage Display");
        actAs(user);
        String secret = tokens.create("Stage display").secret();
        assertThat(accounts.changePassword(PASSWORD, NEW_PASSWORD)).isInstanceOf(SaveResult.Saved.class);
        SecurityContextHolder.clearContext();

        // Checked on the credential rather than over HTTP: the /api chain is stateless and never reads the
        // session the filter checks, and a full run's several Spring contexts make bearer calls order-dependent.
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(owner -> assertThat(owner.id()).isEqualTo(user.id()));
    }
}
