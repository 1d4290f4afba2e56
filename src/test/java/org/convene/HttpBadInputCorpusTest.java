package org.convene;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The bad-input corpus over every HTTP endpoint: ids, slugs and tokens out of range, control characters, very
 * long and malformed values, wrong JSON types, huge bodies, bad dates and unicode edge cases. Each case must be
 * answered without a 5xx, without a stack trace in the body, and without anything logged at ERROR (an error any
 * client can cause is a way to flood the log). Each case is its own named test; the forms have theirs in
 * FormBadInputCorpusTest and the STOMP destinations in the STOMP API's tests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpBadInputCorpusTest {

    /** Path segments where a number (a session id, a token id) is expected. Raw, so they reach the server as sent. */
    static final List<String> IDS = List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775807",
            "9223372036854775808", "1.5", "1e3", "0x10", "%00", "1%00", "%20", "%0A", "%D9%A1%D9%A2", "%E2%80%AE1",
            "%FF", "1%3B2");
    /** Path segments where a conference's short name is expected. */
    static final List<String> SLUGS = List.of("%00", "no-such-conference", "x".repeat(3000), "..", "%2e%2e",
            "%C3%BC", "%FF%FE", "a%0Db", "%F0%9F%98%80", "%3Cscript%3E", "%27%20or%201=1--", "%ED%A0%80");
    /** Calendar feed tokens. */
    static final List<String> FEED_TOKENS = List.of("%00", "x", "x".repeat(5000), "%FF", "%0D%0A", "..", "%E2%80%AE",
            "cvn_%00");

    @Autowired
    WebApplicationContext context;
    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountFixtures accounts;

    MockMvc mvc;
    ProgrammeFixture fixture;
    ConveneUser organiser;
    String bearer;
    long session;
    ConferenceSummary conference;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new ProgrammeFixture(db);
        conference = fixture.conference("Corpus " + fixture.tag(), "Europe/London", LocalDate.of(2031, 5, 5),
                LocalDate.of(2031, 5, 6));
        session = fixture.session(conference, "Corpus session")
                .at(LocalDateTime.of(2031, 5, 5, 10, 0), LocalDateTime.of(2031, 5, 5, 11, 0)).create();
        organiser = accounts.user("Corpus Organiser", Role.ORGANISER);
        AccountFixtures.actAs(organiser);
        bearer = "Bearer " + tokens.create("Corpus").secret();
        SecurityContextHolder.clearContext();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        logged.start();
    }

    @AfterAll
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        fixture.cleanUp();
        // the conferences the schedule cases could import (their acronyms start with "corpus-")
        var imported = db.select(CONFERENCE.ID).from(CONFERENCE).where(CONFERENCE.SLUG.startsWith("corpus-"));
        db.deleteFrom(SESSION_PERSON).where(SESSION_PERSON.SESSION_ID.in(db.select(PROGRAMME_SESSION.ID)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.CONFERENCE_ID.in(imported)))).execute();
        db.deleteFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.CONFERENCE_ID.in(imported)).execute();
        db.deleteFrom(TRACK).where(TRACK.CONFERENCE_ID.in(imported)).execute();
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.startsWith("corpus-")).execute();
    }

    // ---- the corpus -----------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> no_bad_input_gets_a_server_error_or_an_error_in_the_log() {
        List<DynamicTest> cases = new ArrayList<>();
        for (String id : IDS) {
            cases.add(get("join " + id, "/sessions/" + id + "/join", r -> { }));
            cases.add(get("session calendar " + id, "/calendar/sessions/" + id + ".ics", r -> { }));
            cases.add(get("material file " + id, "/materials/" + id + "/file", r -> { }));
            cases.add(get("material file as organiser " + id, "/materials/" + id + "/file", this::signedInOrganiser));
            cases.add(get("questions " + id, "/api/sessions/" + id + "/questions", this::asOrganiser));
            cases.add(get("questions csv " + id, "/api/sessions/" + id + "/questions.csv", this::asOrganiser));
            cases.add(get("attendees csv " + id, "/api/reports/sessions/" + id + "/attendees.csv", this::asOrganiser));
            cases.add(call("revoke token " + id, HttpMethod.DELETE, "/api/tokens/" + id, this::asOrganiser));
            cases.add(get("csv template for conference " + id, "/manage/import/template.csv?conference=" + id,
                    this::signedInOrganiser));
        }
        for (String slug : SLUGS) {
            for (String file : List.of("schedule.xml", "schedule.json", "schedule.ics")) {
                cases.add(get(file + " of " + abbreviate(slug), "/conferences/" + slug + "/" + file, r -> { }));
            }
            cases.add(get("attendance csv of " + abbreviate(slug), "/api/reports/conferences/" + slug
                    + "/attendance.csv", this::asOrganiser));
            cases.add(get("sessions csv of " + abbreviate(slug), "/api/reports/conferences/" + slug + "/sessions.csv",
                    this::asOrganiser));
        }
        for (String token : FEED_TOKENS) {
            cases.add(get("calendar feed " + abbreviate(token), "/calendar/feeds/" + token + ".ics", r -> { }));
            cases.add(get("unsubscribe page " + abbreviate(token), "/mail/unsubscribe/" + token, r -> { }));
            cases.add(call("one-click unsubscribe " + abbreviate(token), HttpMethod.POST, "/mail/unsubscribe/" + token,
                    r -> { }));
        }
        for (String query : List.of("?conference=%00", "?x=%00", "?" + "a=1&".repeat(500), "?zone=Mars/Olympus",
                "?from=99999-01-01")) {
            for (String file : List.of("/schedule.xml", "/schedule.json", "/schedule.ics")) {
                cases.add(get(file + abbreviate(query), file + query, r -> { }));
            }
        }
        for (String header : List.of("Bearer ", "Bearer cvn_", "Bearer cvn_" + "x".repeat(10_000), "Bearer \u00ff\u00fe",
                "Basic !!!", "Basic " + base64("no-colon"), "Basic " + base64("\u0000:\u0000"),
                "Basic " + base64("a\u0000b@example.org:password"), "Basic " + base64(":"), "Digest x",
                "Bearer " + "%00", "bearer cvn_abc")) {
            cases.add(get("tokens with authorization " + abbreviate(header), "/api/tokens",
                    r -> r.header("Authorization", header)));
        }
        tokenBodies().forEach((name, body) -> cases.add(post("token body " + name, "/api/tokens", body,
                r -> r.header("Authorization", basic()))));
        ScheduleCorpus.bodies().forEach((name, body) -> cases.add(post("schedule import " + name,
                "/api/programme/import", body, this::asOrganiser)));
        cases.add(post("schedule import as plain text", "/api/programme/import", "{}".getBytes(StandardCharsets.UTF_8),
                r -> asOrganiser(r.contentType(MediaType.TEXT_PLAIN))));
        cases.add(post("schedule import larger than the limit", "/api/programme/import",
                new byte[11 * 1024 * 1024], this::asOrganiser));
        return cases.stream();
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    private static java.util.Map<String, byte[]> tokenBodies() {
        java.util.Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        for (String json : List.of("{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\u0007\"}", "{\"name\":\"\\u001b[2J\"}",
                "{\"name\":\"\\u0085\"}", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u202eevil\"}",
                "{\"name\":\"two\\nlines\"}", "{\"name\":123}", "{\"name\":null}", "{\"name\":[\"x\"]}",
                "{\"name\":{\"a\":1}}", "{\"name\":true}", "{}", "[]", "\"name\"", "null", "{\"name\":\"x\"",
                "{\"name\":\"" + "x".repeat(101) + "\"}", "{\"name\":\"" + "x".repeat(1_000_000) + "\"}",
                "{\"name\":\"" + "\uD83D\uDE00".repeat(101) + "\"}", "{\"name\":1e999999}",
                "[".repeat(5000) + "]".repeat(5000), "{\"name\":\"ok\",\"name\":\"twice\"}", "")) {
            bodies.put(abbreviate(json), json.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("not UTF-8", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xFF, '"', '}'});
        return bodies;
    }

    // ---- one case -----------------------------------------------------------------------------------------------

    private DynamicTest get(String name, String path, Consumer<MockHttpServletRequestBuilder> setUp) {
        return call(name, HttpMethod.GET, path, setUp);
    }

    private DynamicTest call(String name, HttpMethod method, String path, Consumer<MockHttpServletRequestBuilder> setUp) {
        return DynamicTest.dynamicTest(method + " " + name, () -> {
            MockHttpServletRequestBuilder request = request(method, URI.create(path));
            setUp.accept(request);
            expectNoServerError(request);
        });
    }

    private DynamicTest post(String name, String path, byte[] body, Consumer<MockHttpServletRequestBuilder> setUp) {
        return DynamicTest.dynamicTest("POST " + name, () -> {
            MockHttpServletRequestBuilder request = request(HttpMethod.POST, URI.create(path))
                    .contentType(MediaType.APPLICATION_JSON).content(body);
            setUp.accept(request);
            expectNoServerError(request);
        });
    }

    private void expectNoServerError(MockHttpServletRequestBuilder request) throws Exception {
        logged.list.clear();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("status").isLessThan(500);
        assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("\tat org.");
        assertThat(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList()).as("logged at ERROR").isEmpty();
    }

    private void asOrganiser(MockHttpServletRequestBuilder request) {
        request.header("Authorization", bearer);
    }

    private void signedInOrganiser(MockHttpServletRequestBuilder request) {
        request.with(authentication(new UsernamePasswordAuthenticationToken(organiser, null, organiser.getAuthorities())));
    }

    private String basic() {
        return "Basic " + base64(organiser.email() + ":" + AccountFixtures.PASSWORD);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 30) + "… (" + text.length() + " characters)" : text;
        StringBuilder visible = new StringBuilder();
        shown.codePoints().forEach(c -> visible.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return visible.toString();
    }
}
