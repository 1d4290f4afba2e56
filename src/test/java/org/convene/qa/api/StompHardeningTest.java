package org.convene.qa.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.convene.TestClock;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.db.Tables.API_TOKEN;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.USER_ROLE;

/** Issue 13, the live STOMP API: forged destinations, credentials that go away, malformed frames and caps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class StompHardeningTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(700);

    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderating;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    StompProperties limits;
    @Autowired
    StompConnections connections;
    @RegisterExtension
    final StompApiClients stomp = new StompApiClients();

    long session;
    ConveneUser facilitator;
    ConveneUser asker;
    String askerToken;
    String facilitatorToken;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        asker = data.user();
        askerToken = stomp.tokenFor(asker);
        facilitatorToken = stomp.tokenFor(facilitator);
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(log);
        clock.reset();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private String moderationTopic() {
        return "/topic/sessions." + session + ".moderation";
    }

    private void assertRefusedWith(RawStompClient client, String code) throws Exception {
        RawStompClient.Frame error = client.nextOf("ERROR", WAIT);
        assertThat(error).as("an ERROR frame coded " + code).isNotNull();
        assertThat(error.header("code")).isEqualTo(code);
        assertThat(error.header("message")).isNotBlank();
        await().atMost(WAIT).until(client::isClosed);
    }

    private void assertNoErrorLogged() {
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private void subscribe(RawStompClient client, String id, String destination) throws Exception {
        client.send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nreceipt:r-" + id + "\n\n");
        assertThat(client.nextOf("RECEIPT", WAIT)).as("subscribed to " + destination).isNotNull();
    }

    // ---- forged destinations -----------------------------------------------------------------------------------

    @Test
    void a_forged_send_to_the_moderation_topic_is_refused_and_reaches_no_moderator() throws Exception {
        RawStompClient moderator = stomp.raw(facilitatorToken);
        subscribe(moderator, "mod", moderationTopic());
        RawStompClient forger = stomp.raw(askerToken);

        forger.send("SEND\ndestination:" + moderationTopic() + "\ncontent-type:application/json\n\n"
                + "{\"sessionId\":" + session + ",\"events\":[{\"seq\":99,\"type\":\"question.created\"}]}");

        assertRefusedWith(forger, "FORBIDDEN_DESTINATION");
        assertThat(moderator.nextOf("MESSAGE", QUIET)).as("the forged frame reached a moderator").isNull();
    }

    @Test
    void a_forged_error_to_someone_elses_error_queue_is_refused_and_reaches_nobody() throws Exception {
        RawStompClient victim = stomp.raw(facilitatorToken);
        subscribe(victim, "errors", "/user/queue/errors");
        RawStompClient forger = stomp.raw(askerToken);

        forger.send("SEND\ndestination:/user/" + facilitator.email() + "/queue/errors\ncontent-type:application/json\n\n"
                + "{\"code\":\"FORBIDDEN\",\"message\":\"Your account was closed, sign in at evil.example\"}");

        assertRefusedWith(forger, "FORBIDDEN_DESTINATION");
        assertThat(victim.nextOf("MESSAGE", QUIET)).as("the forged error reached its victim").isNull();
    }

    @Test
    void sends_to_queues_and_unknown_places_are_refused_too() throws Exception {
        for (String destination : List.of("/queue/anything", "/topic/sessions." + session + ".questions", "/elsewhere", "/app/nothing.here")) {
            RawStompClient client = stomp.raw(askerToken);
            client.send("SEND\ndestination:" + destination + "\n\n{}");
            RawStompClient.Frame error = client.nextOf("ERROR", WAIT);
            assertThat(error).as(destination).isNotNull();
            assertThat(error.header("code")).as(destination).isIn("FORBIDDEN_DESTINATION", "INVALID_REQUEST");
        }
        assertNoErrorLogged();
    }

    // ---- credentials that go away ------------------------------------------------------------------------------

    @Test
    void revoking_a_token_closes_its_open_connection_and_it_can_no_longer_ask() throws Exception {
        RawStompClient client = stomp.raw(askerToken);
        long tokenId = db.select(API_TOKEN.ID).from(API_TOKEN).where(API_TOKEN.USER_ID.eq(asker.id()))
                .fetchSingle(API_TOKEN.ID);

        AccountFixtures.actAs(asker);
        tokens.revoke(tokenId);
        SecurityContextHolder.clearContext();

        assertRefusedWith(client, "TOKEN_REVOKED");
        assertThat(qa.snapshot(session).questions()).isEmpty();
    }

    @Test
    void a_token_revoked_on_another_node_closes_the_connection_here_at_once() throws Exception {
        RawStompClient client = stomp.raw(askerToken);
        // revoked by another node: no event reaches this one, only the database's notice
        db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, Instant.now()).where(API_TOKEN.USER_ID.eq(asker.id())).execute();

        assertRefusedWith(client, "TOKEN_REVOKED");
    }

    @Test
    void a_token_revoked_while_this_node_missed_the_notice_is_refused_once_the_check_interval_has_passed() throws Exception {
        RawStompClient client = stomp.raw(askerToken);
        db.execute("alter table api_token disable trigger api_token_revoked");
        try {
            db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, Instant.now()).where(API_TOKEN.USER_ID.eq(asker.id())).execute();
        } finally {
            db.execute("alter table api_token enable trigger api_token_revoked");
        }
        clock.set(Instant.now().plus(limits.checkInterval()).plusSeconds(1));

        client.send("SEND\ndestination:/app/sessions." + session + ".questions\ncontent-type:application/json\nreceipt:ask\n\n"
                + "{\"text\":\"Still here?\"}");

        assertRefusedWith(client, "TOKEN_REVOKED");
        assertThat(qa.snapshot(session).questions()).isEmpty();
    }

    @Test
    void a_removed_facilitator_stops_receiving_pending_questions_and_may_no_longer_moderate() throws Exception {
        RawStompClient moderator = stomp.raw(facilitatorToken);
        subscribe(moderator, "errors", "/user/queue/errors");
        subscribe(moderator, "mod", moderationTopic());
        AccountFixtures.actAs(facilitator);
        moderating.updateSettings(session, true, true, true);
        SecurityContextHolder.clearContext();
        assertThat(moderator.nextOf("MESSAGE", WAIT)).as("settings.changed").isNotNull();

        db.deleteFrom(SESSION_PERSON).where(SESSION_PERSON.SESSION_ID.eq(session), SESSION_PERSON.PERSON_ID.in(
                db.select(PERSON.ID).from(PERSON).where(PERSON.USER_ID.eq(facilitator.id())))).execute();
        clock.set(Instant.now().plus(Duration.ofMinutes(1)));
        stomp.connect(askerToken).sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Pending, private\"}", WAIT);

        RawStompClient.Frame notice = moderator.nextOf("MESSAGE", WAIT);
        assertThat(notice).as("told that moderation ended").isNotNull();
        assertThat(notice.header("subscription")).isEqualTo("errors");
        assertThat(notice.body()).contains("MODERATION_ENDED").doesNotContain("Pending, private");
        assertThat(moderator.nextOf("MESSAGE", QUIET)).as("a pending question reached a former facilitator").isNull();
    }

    @Test
    void an_organiser_whose_role_was_taken_away_can_no_longer_moderate_on_an_open_connection() throws Exception {
        ConveneUser organiser = data.user(Role.ORGANISER);
        String organiserToken = stomp.tokenFor(organiser);
        StompTestClient connection = stomp.connect(organiserToken);
        StompTestClient attendee = stomp.connect(askerToken);
        assertThat(attendee.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Pin me\"}", WAIT)).isTrue();
        long questionId = qa.snapshot(session).questions().getFirst().id();

        db.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(organiser.id()), USER_ROLE.ROLE.eq(Role.ORGANISER)).execute();
        // the database's notice, not the passing of the check interval, makes the roles read again
        awaitCredentialsExpired(organiser.id());

        assertThat(connection.sendAndAwaitReceipt("/app/questions." + questionId + ".moderate", "{\"action\":\"pin\"}",
                Duration.ofSeconds(1))).isFalse();
        assertThat(StompTestClient.poll(connection.errors, WAIT).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(qa.snapshot(session).questions().getFirst().pinned()).isFalse();
    }

    private void awaitCredentialsExpired(long userId) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (connections.all().stream().anyMatch(c -> c.actsFor(userId) && c.credentialsFresh())) {
            assertThat(System.nanoTime()).as("the notice of the changed roles arrived").isLessThan(end);
            Thread.sleep(20);
        }
    }

    // ---- malformed frames --------------------------------------------------------------------------------------

    @Test
    void an_overflowing_id_a_subscribe_without_an_id_and_an_empty_body_get_coded_errors_and_no_error_log() throws Exception {
        RawStompClient overflowing = stomp.raw(askerToken);
        overflowing.send("SEND\ndestination:/app/questions.99999999999999999999.vote\ncontent-type:application/json\n\n{\"up\":true}");
        assertRefusedWith(overflowing, "INVALID_REQUEST");

        RawStompClient noId = stomp.raw(null);
        noId.send("SUBSCRIBE\ndestination:/topic/sessions." + session + ".questions\n\n");
        assertRefusedWith(noId, "INVALID_REQUEST");

        StompTestClient empty = stomp.connect(askerToken);
        assertThat(empty.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "", Duration.ofSeconds(1))).isFalse();
        assertThat(StompTestClient.poll(empty.errors, WAIT).get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertNoErrorLogged();
    }

    // ---- caps --------------------------------------------------------------------------------------------------

    @Test
    void a_connection_may_hold_only_so_many_subscriptions() throws Exception {
        RawStompClient client = stomp.raw(null);
        int cap = limits.maxSubscriptionsPerConnection();
        for (int i = 1; i <= cap; i++) {
            subscribe(client, "s" + i, "/topic/sessions." + session + ".questions");
        }
        client.send("SUBSCRIBE\nid:one-more\ndestination:/topic/sessions." + session + ".questions\n\n");
        assertRefusedWith(client, "TOO_MANY_SUBSCRIPTIONS");
    }

    @Test
    void one_address_may_hold_only_so_many_anonymous_connections_while_token_holders_still_connect() throws Exception {
        assertThat(new StompProperties(0, 0, 0, null, null, null).maxAnonymousConnectionsPerAddress()).isEqualTo(20);
        RawStompClient.Frame refusal = null;
        for (int i = 0; i <= limits.maxAnonymousConnectionsPerAddress() && refusal == null; i++) {
            RawStompClient client = stomp.rawUnconnected();
            client.send("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
            RawStompClient.Frame answer = client.next(WAIT);
            if (answer != null && answer.command().equals("ERROR")) {
                refusal = answer;
            }
        }
        assertThat(refusal).as("the anonymous connection over the cap is refused").isNotNull();
        assertThat(refusal.header("code")).isEqualTo("TOO_MANY_CONNECTIONS");
        stomp.raw(askerToken); // connects
    }

    @Test
    void a_connection_that_sends_more_frames_than_its_budget_is_refused() throws Exception {
        clock.set(Instant.now());
        RawStompClient client = stomp.raw(null);
        for (int i = 0; i < limits.framesPerWindow() + 20 && !client.isClosed(); i++) {
            client.send("UNSUBSCRIBE\nid:none-" + i + "\n\n");
        }
        assertRefusedWith(client, "FRAME_BUDGET_EXCEEDED");
    }
}
