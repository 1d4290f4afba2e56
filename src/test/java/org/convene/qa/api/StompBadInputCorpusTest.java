package org.convene.qa.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's bad-input corpus, STOMP part: malformed and hostile frames sent over a real connection. Each gets a
 * coded answer, as docs/api.md says: an ERROR frame with a {@code code} header, after which the connection closes;
 * a coded message on /user/queue/errors, the connection staying open; or a RECEIPT when the frame was harmless
 * after all. A frame over the size limit closes the connection with 1009. Never SERVER_ERROR, nothing logged at
 * ERROR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StompBadInputCorpusTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(20);
    private static final String TOO_LARGE = "a frame over the client frame limit";
    /** Every code a client may be answered with here; SERVER_ERROR is deliberately missing. */
    private static final Set<String> CODES = Set.of("INVALID_REQUEST", "FORBIDDEN_DESTINATION", "FORBIDDEN", "NOT_FOUND",
            "EMPTY", "TOO_LONG", "INVALID_STATE", "OWN_QUESTION", "CLOSED", "RATE_LIMITED", "ANONYMOUS_NOT_ALLOWED",
            "NOT_SIGNED_IN", "UNAUTHORIZED", "INVALID_CHARACTER");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;

    long session;
    String token;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** One hostile frame: who sends it and what it says (without the closing NUL). */
    record Case(String name, boolean signedIn, String frame) {
    }

    @BeforeAll
    void setUp() {
        session = data.liveSession();
        ConveneUser facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        token = AccountFixtures.apiToken(tokens, facilitator, "corpus");
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    private static String send(String destination, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return "SEND\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:" + length
                + "\nreceipt:corpus\n\n" + body;
    }

    private static String sendWithoutType(String destination, String body) {
        return "SEND\ndestination:" + destination + "\nreceipt:corpus\n\n" + body;
    }

    List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String ask = "/app/sessions." + session + ".questions";
        // ids in destinations
        List<String> badIds = List.of("", "abc", "-1", "99999999999999999999", "1e3", "0x10", "1.5", " 1", "1 ", "١٢٣",
                "%31", "+1", "9223372036854775808", "1;2", "*", "..", "1\\c2");
        for (String id : badIds) {
            cases.add(new Case("ask in session '" + id + "'", true, send("/app/sessions." + id + ".questions", "{\"text\":\"Hi\"}")));
            cases.add(new Case("vote on question '" + id + "'", true, send("/app/questions." + id + ".vote", "{\"up\":true}")));
            cases.add(new Case("subscribe to session '" + id + "'", false,
                    "SUBSCRIBE\nid:s\ndestination:/topic/sessions." + id + ".questions\nreceipt:corpus\n\n"));
        }
        cases.add(new Case("moderate question 'abc'", true, send("/app/questions.abc.moderate", "{\"action\":\"pin\"}")));
        cases.add(new Case("moderate an overflowing id", true, send("/app/questions.99999999999999999999.moderate", "{\"action\":\"pin\"}")));
        cases.add(new Case("moderation topic of 'x'", true, "SUBSCRIBE\nid:m\ndestination:/topic/sessions.x.moderation\nreceipt:corpus\n\n"));
        // destinations that are not ours to send to
        for (String destination : List.of("/topic/sessions." + session + ".questions", "/topic/sessions." + session + ".moderation",
                "/user/someone@example.org/queue/errors", "/user/queue/errors", "/queue/errors", "/topic/anything", "/app",
                "/app/", "/app/unknown", "/app/sessions..questions", "/APP/sessions." + session + ".questions", "relative",
                "/app/sessions." + session + ".questions/../../topic/x", "/app/sessions." + session + ".questions.extra",
                "/app/questions.1.vote.again", "/app/questions.1.delete")) {
            cases.add(new Case("send to " + destination, true, send(destination, "{}")));
        }
        // subscriptions that make no sense
        for (String destination : List.of("/app/sessions." + session + ".questions", "/topic/everything", "/queue/errors",
                "/user/someone@example.org/queue/errors", "/topic/sessions." + session + ".questions.extra", "/", "x")) {
            cases.add(new Case("subscribe to " + destination, true, "SUBSCRIBE\nid:s\ndestination:" + destination + "\nreceipt:corpus\n\n"));
        }
        // missing headers
        cases.add(new Case("SUBSCRIBE without an id", false, "SUBSCRIBE\ndestination:/topic/sessions." + session + ".questions\nreceipt:corpus\n\n"));
        cases.add(new Case("SUBSCRIBE with an empty id", false, "SUBSCRIBE\nid:\ndestination:/topic/sessions." + session + ".questions\nreceipt:corpus\n\n"));
        cases.add(new Case("SUBSCRIBE without a destination", true, "SUBSCRIBE\nid:s\nreceipt:corpus\n\n"));
        cases.add(new Case("SUBSCRIBE with an empty destination", true, "SUBSCRIBE\nid:s\ndestination:\nreceipt:corpus\n\n"));
        cases.add(new Case("SEND without a destination", true, "SEND\ncontent-type:application/json\nreceipt:corpus\n\n{\"text\":\"Hi\"}"));
        cases.add(new Case("SEND with an empty destination", true, "SEND\ndestination:\nreceipt:corpus\n\n{}"));
        cases.add(new Case("SEND without a content type", true, sendWithoutType(ask, "{\"text\":\"No type given\"}")));
        cases.add(new Case("anonymous SEND", false, send(ask, "{\"text\":\"Hi\"}")));
        // bodies
        List<String> badAskBodies = List.of("", " ", "null", "[]", "\"text\"", "42", "true", "{", "{\"text\":}",
                "{\"text\":5}", "{\"text\":{}}", "{\"text\":[\"a\"]}", "{\"text\":null}", "{\"anonymous\":\"yes\"}",
                "{\"text\":\"Hi\",\"anonymous\":{}}", "{\"text\":\"" + "x".repeat(501) + "\"}", "{\"text\":\"   \"}",
                "{\"text\":\"\\u202e\\u202d\"}", "{\"text\":\"Hi\"}{\"text\":\"again\"}", "not json at all",
                "{\"text\":\"" + "\uD83D\uDE00".repeat(501) + "\"}", "{\"unknown\":1}",
                // control characters escaped in valid JSON reach the text rule (a raw NUL is not JSON: below)
                "{\"text\":\"a\\u0000b\"}", "{\"text\":\"bell\\u0007\"}", "{\"text\":\"esc\\u001b[31m\"}",
                "{\"text\":\"half \\ud83d pair\"}", "{\"text\":\"del\\u007f\"}", "{\"text\":\"c1\\u0085\"}");
        for (String body : badAskBodies) {
            cases.add(new Case("ask with body " + abbreviate(body), true, send(ask, body)));
        }
        for (String body : List.of("", "null", "{\"up\":\"maybe\"}", "{\"up\":[]}", "{\"up\":1.5}", "[]")) {
            cases.add(new Case("vote with body " + abbreviate(body), true, send("/app/questions.1.vote", body)));
        }
        for (String body : List.of("", "null", "{}", "{\"action\":null}", "{\"action\":5}", "{\"action\":\"approve\\u0000\"}",
                "{\"action\":\"merge\"}", "{\"action\":\"merge\",\"targetId\":\"abc\"}", "{\"action\":\"merge\",\"targetId\":99999999999999999999}",
                "{\"action\":\"explode\"}", "{\"action\":\"edit\"}", "{\"action\":\"reply\",\"text\":{}}")) {
            cases.add(new Case("moderate with body " + abbreviate(body), true, send("/app/questions.1.moderate", body)));
        }
        for (String id : List.of("", "abc", "-1", "99999999999999999999", "1.5", " 1", "*", "..")) {
            cases.add(new Case("answer poll '" + id + "'", true, send("/app/polls." + id + ".answer", "{\"options\":[1]}")));
        }
        for (String body : List.of("", "null", "{}", "[]", "{\"options\":null}", "{\"options\":\"1\"}",
                "{\"options\":[null]}", "{\"options\":[\"a\"]}", "{\"options\":[1.5]}", "{\"options\":[99999999999]}",
                "{\"options\":[-1]}", "{\"options\":[1,1,1]}", "{\"options\":{}}")) {
            cases.add(new Case("answer with body " + abbreviate(body), true, send("/app/polls.1.answer", body)));
        }
        cases.add(new Case("anonymous answer", false, send("/app/polls.1.answer", "{\"options\":[1]}")));
        // unknown commands and frames that are not STOMP
        cases.add(new Case("an unknown command", true, "HELLO\nreceipt:corpus\n\n"));
        cases.add(new Case("a lower-case command", true, "send\ndestination:" + ask + "\n\n{}"));
        cases.add(new Case("a broken header escape", true, "SEND\ndestination:/app/x\\q\n\n{}"));
        cases.add(new Case("a header without a colon", true, "SEND\ndestination\nreceipt:corpus\n\n{}"));
        cases.add(new Case("a NUL inside a header", true, "SEND\ndestination:/app/questions.1\u0000.vote\n\n{}"));
        cases.add(new Case("a NUL in the body, counted by content-length", true, send(ask, "{\"text\":\"a\u0000b\"}")));
        cases.add(new Case("a NUL in the action, counted by content-length", true, send("/app/questions.1.moderate", "{\"action\":\"pin\u0000\"}")));
        cases.add(new Case(TOO_LARGE, true, send(ask, "{\"text\":\"" + "y".repeat(20_000) + "\"}")));
        return cases;
    }

    private static boolean closesWithin(RawStompClient client, Duration wait) throws Exception {
        return client.closed.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).get() != null;
    }

    private static boolean coded(String code) {
        return code != null && CODES.contains(code);
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }

    @Test
    void every_hostile_frame_gets_a_coded_answer_and_nothing_is_logged_at_error() throws Exception {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String failure = run(c);
            if (failure != null) {
                failures.add(c.name() + ": " + failure);
            }
        }
        assertThat(failures).as("cases without a coded answer, of " + cases.size()).isEmpty();
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    /** Null when the case was answered as documented, or what went wrong. */
    private String run(Case c) throws Exception {
        try (RawStompClient client = RawStompClient.connect(port, c.signedIn() ? token : null)) {
            if (c.signedIn()) {
                client.send("SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\nreceipt:errors\n\n");
                RawStompClient.Frame subscribed = client.next(WAIT);
                if (subscribed == null || !subscribed.command().equals("RECEIPT")) {
                    return "could not subscribe to errors: " + subscribed;
                }
            }
            client.send(c.frame());
            if (c.name().startsWith(TOO_LARGE)) {
                // larger than a client frame may be: the container closes the connection with 1009, as documented.
                // When the close overtakes the rest of the client's own write, the client's socket is reset before
                // it reads the close frame and it reports 1006 (closed without one), or the reset as an I/O error
                // (-1, seen once in CI on a loaded machine): closed all the same. Not closed at all stays a failure.
                Integer code = client.closed.completeOnTimeout(null, WAIT.toMillis(), TimeUnit.MILLISECONDS).get();
                return code != null && (code == 1009 || code == 1006 || code == -1) ? null : "closed with " + code;
            }
            long sent = System.nanoTime();
            RawStompClient.Frame answer = client.next(ANSWER_WAIT);
            if (Duration.ofNanos(System.nanoTime() - sent).compareTo(WAIT) > 0) {
                // the machines running the tests are shared: note slow answers rather than fail on them
                System.out.println("Corpus case '" + c.name() + "' was answered after "
                        + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms: " + answer);
            }
            if (answer == null) {
                return "no answer";
            }
            return switch (answer.command()) {
                case "RECEIPT" -> null;
                case "ERROR" -> !coded(answer.header("code")) ? "ERROR coded " + answer.header("code")
                        : closesWithin(client, WAIT) ? null : "an ERROR, but the connection stayed open";
                case "MESSAGE" -> {
                    var code = StompTestClient.JSON.readTree(answer.body()).get("code");
                    yield code == null || !coded(code.asString()) ? "error message coded " + code
                            : client.isClosed() ? "a refused SEND closed the connection" : null;
                }
                default -> "unexpected " + answer.command();
            };
        }
    }
}
