package org.convene.core.security;

import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security chain does with page addresses, over real HTTP because MockMvc has neither the Vaadin servlet
 * nor its route registry. An integration test (failsafe, after `package`) because Vaadin's page shell comes from the
 * production frontend build, which does not exist yet when the unit tests run.
 * <p>
 * A mistyped address reaches the Vaadin app, whose router then shows PageNotFoundView (PageNotFoundViewTest;
 * AccessibilityIT in a browser), instead of the security chain refusing it: a blank 403 for someone signed in,
 * the log-in page for everyone else. Vaadin runs the first navigation while answering the first request
 * (eagerServerLoad), so that page, still the app's own HTML, carries the router's status: 404 for an unknown
 * address or id. Over real HTTP, because MockMvc has no
 * Vaadin servlet; same configuration as the STOMP tests, so the server context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class PageAddressesIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures accounts;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertReachesTheApp(HttpResponse<String> response) {
        assertReachesTheApp(response, 200);
    }

    /** The app's own page with the router's status, not a redirect or the security chain's blank refusal. */
    private static void assertReachesTheApp(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).containsIgnoringCase("<!doctype html>");
    }

    @Test
    void someone_not_signed_in_reaches_the_app_rather_than_the_log_in_page() throws Exception {
        assertReachesTheApp(get("/timetabel"), 404);
        assertReachesTheApp(get("/"));
    }

    @Test
    void unknown_and_malformed_ids_answer_a_real_404() throws Exception {
        assertReachesTheApp(get("/sessions/not-a-number"), 404);
        assertReachesTheApp(get("/sessions/999999999"), 404);
        assertReachesTheApp(get("/sessions/999999999/stage"), 404);
        assertReachesTheApp(get("/conferences/no-such-conference"), 404);
    }

    @Test
    void an_unknown_certificate_code_answers_a_real_404_to_anyone() throws Exception {
        assertReachesTheApp(get("/certificates/AAAA-AAAA-AAAA-AAAA-AAAA"), 404);
        assertReachesTheApp(get("/certificates/not-a-code"), 404);
    }

    private HttpResponse<String> logIn(ConveneUser user) throws Exception {
        get("/login");
        String form = "username=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_page_that_needs_a_sign_in_sends_to_log_in_and_back_to_it_afterwards() throws Exception {
        HttpResponse<String> agenda = get("/agenda");
        assertThat(agenda.statusCode()).isEqualTo(302);
        assertThat(agenda.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> login = logIn(accounts.user("Back To Agenda"));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/agenda"));
    }

    @Test
    void someone_signed_in_reaches_the_app_rather_than_a_blank_forbidden_page() throws Exception {
        HttpResponse<String> login = logIn(accounts.user("Unknown Address"));
        assertThat(login.headers().firstValue("Location")).as("signed in").hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));

        assertReachesTheApp(get("/timetabel"), 404);
    }

    @Test
    void pages_that_need_a_role_and_the_api_are_still_protected() throws Exception {
        assertThat(get("/api/sessions/1/questions.csv").statusCode()).isEqualTo(401);
        assertThat(get("/manage/import/template.csv").statusCode()).isEqualTo(302);
    }
}
