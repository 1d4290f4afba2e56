package org.convene.core.security;

import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.account.AccountFixtures.PASSWORD;

/**
 * Log-in CSRF, the session cookie and the security headers, over real HTTP: Tomcat writes the cookie and the
 * headers filter sits in front of every security chain, neither of which MockMvc shows. Run behind a pretend
 * TLS-ending proxy the way docs/deploy.md says to run Convene (forwarded headers, which Tomcat takes from
 * loopback addresses), so "X-Forwarded-Proto: https" stands for a request that came over TLS.
 * An integration test (failsafe, after `package`) as the pages need the production frontend build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@Import(TestConfig.class)
class SecurityHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures fixtures;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> logIn(String email, String password, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSignedIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }

    // --- the way back after log-in -------------------------------------------------------------------

    @Test
    void after_log_in_the_way_back_is_a_relative_address_whatever_host_the_request_named() throws Exception {
        String email = fixtures.user("Back Again").email();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        String[] forged = {"X-Forwarded-Host", "evil.example", "Accept", "text/html"};

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/manage")).headers(forged).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a page that needs a sign-in sends to the log-in page").isEqualTo(302);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(uri("/login")).headers(forged)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(back.statusCode()).isEqualTo(302);
        // Spring Security marks the remembered request with "?continue"
        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .matches("/manage(\\?continue)?"));
    }

    // --- log-in CSRF --------------------------------------------------------------------------------

    @Test
    void a_log_in_posted_from_another_site_is_refused_with_a_clear_message() throws Exception {
        String email = fixtures.user("Cross Site").email();

        HttpResponse<String> byOrigin = logIn(email, PASSWORD, "Origin", "https://evil.example");
        HttpResponse<String> byReferer = logIn(email, PASSWORD, "Referer", "https://evil.example/form.html");
        HttpResponse<String> opaque = logIn(email, PASSWORD, "Origin", "null");

        for (HttpResponse<String> refused : List.of(byOrigin, byReferer, opaque)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).startsWith("Log-in refused: the form was sent from another website.");
            assertThat(refused.headers().allValues("Set-Cookie")).as("no session started").isEmpty();
        }
    }

    @Test
    void a_log_in_from_our_own_page_or_without_origin_headers_goes_ahead() throws Exception {
        String email = fixtures.user("Same Site").email();

        assertSignedIn(logIn(email, PASSWORD, "Origin", "http://localhost:" + port));
        assertSignedIn(logIn(email, PASSWORD, "Referer", "http://localhost:" + port + "/login"));
        assertSignedIn(logIn(email, PASSWORD));
    }

    // --- the session cookie ---------------------------------------------------------------------------

    @Test
    void the_session_cookie_is_lax_and_http_only_and_secure_only_over_tls() throws Exception {
        String email = fixtures.user("Cookie Jar").email();

        String plain = sessionCookie(logIn(email, PASSWORD));
        String overTls = sessionCookie(logIn(email, PASSWORD, "X-Forwarded-Proto", "https"));

        assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(overTls).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    // --- headers ----------------------------------------------------------------------------------------

    @Test
    void pages_api_answers_feeds_and_error_pages_carry_the_security_headers() throws Exception {
        for (String path : List.of("/", "/login", "/sessions/999999999", "/api/tokens", "/api/sessions/1/questions",
                "/schedule.json", "/no-such-page")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'",
                            "form-action 'self'"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void invitation_pages_and_calendar_feeds_send_no_referrer() throws Exception {
        for (String path : List.of("/invitations/not-a-real-token", "/calendar/feeds/not-a-real-token.ics",
                "/calendar/sessions/999999999.ics", "/schedule.ics")) {
            assertThat(get(path).headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void strict_transport_security_is_sent_only_over_tls() throws Exception {
        assertThat(get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
        assertThat(get("/api/tokens", "X-Forwarded-Proto", "https").headers()
                .firstValue("Strict-Transport-Security")).isPresent();
    }
}
