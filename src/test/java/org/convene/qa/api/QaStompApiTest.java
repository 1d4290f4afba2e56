package org.convene.qa.api;

import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.qa.api.StompTestClient.poll;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class QaStompApiTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @RegisterExtension
    final StompApiClients stomp = new StompApiClients();
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderating;

    long session;
    ConveneUser facilitator;
    String askerToken;
    String voterToken;
    String facilitatorToken;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        askerToken = stomp.tokenFor(data.user());
        voterToken = stomp.tokenFor(data.user());
        facilitatorToken = stomp.tokenFor(facilitator);
    }

    private String questions() {
        return "/topic/sessions." + session + ".questions";
    }

    private static JsonNode onlyEvent(JsonNode frame) {
        assertThat(frame).as("a frame arrived").isNotNull();
        assertThat(frame.get("events").size()).isEqualTo(1);
        return frame.get("events").get(0);
    }

    @Test
    void a_question_asked_over_stomp_is_committed_before_its_receipt_and_reaches_a_stranger_with_its_seq() throws Exception {
        StompTestClient stranger = stomp.connect(null);
        BlockingQueue<JsonNode> frames = stranger.subscribe(questions());
        StompTestClient asker = stomp.connect(askerToken);

        boolean receipt = asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions",
                "{\"text\":\"Will slides be shared?\",\"anonymous\":false}", WAIT);

        assertThat(receipt).isTrue();
        assertThat(qa.snapshot(session).questions()).extracting(q -> q.text()).containsExactly("Will slides be shared?");
        JsonNode event = onlyEvent(poll(frames, WAIT));
        assertThat(event.get("type").asString()).isEqualTo("question.created");
        assertThat(event.get("seq").asLong()).isEqualTo(1);
        assertThat(event.get("question").get("text").asString()).isEqualTo("Will slides be shared?");
    }

    @Test
    void a_refused_question_gets_a_coded_error_with_the_receipt_id_and_no_receipt() throws Exception {
        StompTestClient asker = stomp.connect(askerToken);

        boolean receipt = asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions",
                "{\"text\":\"   \"}", Duration.ofSeconds(1));

        assertThat(receipt).isFalse();
        JsonNode error = poll(asker.errors, WAIT);
        assertThat(error.get("code").asString()).isEqualTo("EMPTY");
        assertThat(error.get("message").asString()).contains("empty");
        assertThat(error.get("receiptId").asString()).startsWith("send-");
        assertThat(qa.snapshot(session).questions()).isEmpty();
    }

    @Test
    void a_vote_reaches_subscribers_as_a_coalesced_votes_changed_event() throws Exception {
        StompTestClient stranger = stomp.connect(null);
        BlockingQueue<JsonNode> frames = stranger.subscribe(questions());
        StompTestClient asker = stomp.connect(askerToken);
        asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Vote on me\"}", WAIT);
        long questionId = onlyEvent(poll(frames, WAIT)).get("question").get("id").asLong();

        StompTestClient voter = stomp.connect(voterToken);
        assertThat(voter.sendAndAwaitReceipt("/app/questions." + questionId + ".vote", "{\"up\":true}", WAIT)).isTrue();

        JsonNode votes = onlyEvent(poll(frames, WAIT));
        assertThat(votes.get("type").asString()).isEqualTo("votes.changed");
        assertThat(votes.get("seq").asLong()).isEqualTo(2);
        assertThat(votes.get("votes").get(Long.toString(questionId)).asInt()).isEqualTo(1);
    }

    @Test
    void a_facilitator_moderates_over_stomp_and_sees_pending_questions_on_the_moderation_topic() throws Exception {
        StompTestClient moderator = stomp.connect(facilitatorToken);
        BlockingQueue<JsonNode> moderation = moderator.subscribe("/topic/sessions." + session + ".moderation");
        AccountFixtures.actAs(facilitator);
        moderating.updateSettings(session, true, true, true);
        SecurityContextHolder.clearContext();
        poll(moderation, WAIT); // settings.changed
        StompTestClient stranger = stomp.connect(null);
        BlockingQueue<JsonNode> publicFrames = stranger.subscribe(questions());
        poll(publicFrames, Duration.ofMillis(300));

        stomp.connect(askerToken).sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Pending one\"}", WAIT);
        JsonNode pending = onlyEvent(poll(moderation, WAIT));
        assertThat(pending.get("question").get("state").asString()).isEqualTo("PENDING");
        assertThat(poll(publicFrames, Duration.ofMillis(500))).as("the public never sees a pending question").isNull();

        long id = pending.get("question").get("id").asLong();
        assertThat(moderator.sendAndAwaitReceipt("/app/questions." + id + ".moderate", "{\"action\":\"approve\"}", WAIT)).isTrue();
        JsonNode approved = onlyEvent(poll(publicFrames, WAIT));
        assertThat(approved.get("type").asString()).isEqualTo("question.created");
        assertThat(approved.get("question").get("text").asString()).isEqualTo("Pending one");
    }

    /**
     * Anonymous connections read with a small text buffer (most of an audience; it keeps each idle one light); a
     * signed-in connection gets room for the largest frame a client may send: a facilitator's longest reply.
     */
    @Test
    void a_signed_in_facilitator_can_send_the_longest_reply_while_anonymous_readers_still_connect_and_subscribe() throws Exception {
        StompTestClient reader = stomp.connect(null);
        BlockingQueue<JsonNode> publicFrames = reader.subscribe(questions());
        stomp.connect(askerToken).sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Long answer please\"}", WAIT);
        long id = onlyEvent(poll(publicFrames, WAIT)).get("question").get("id").asLong();

        String reply = "Yes. ".repeat(org.convene.qa.QaLimits.REPLY_MAX_LENGTH / 5).strip();
        StompTestClient moderator = stomp.connect(facilitatorToken);
        assertThat(moderator.sendAndAwaitReceipt("/app/questions." + id + ".moderate",
                "{\"action\":\"reply\",\"text\":\"" + reply + "\"}", WAIT)).isTrue();
        JsonNode updated = onlyEvent(poll(publicFrames, WAIT));
        assertThat(updated.toString()).contains(reply);
    }

    @Test
    void a_stranger_is_refused_the_moderation_topic_and_an_attendee_cannot_moderate() throws Exception {
        StompTestClient stranger = stomp.connect(askerToken);
        assertThatThrownBy(() -> stranger.subscribe("/topic/sessions." + session + ".moderation"))
                .isInstanceOf(AssertionError.class);
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(stranger.errorFrames)
                .singleElement().asString().contains("Only the session's facilitators and organisers may subscribe"));

        StompTestClient asker = stomp.connect(askerToken);
        BlockingQueue<JsonNode> frames = stomp.connect(null).subscribe(questions());
        asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Mine\"}", WAIT);
        long id = onlyEvent(poll(frames, WAIT)).get("question").get("id").asLong();
        StompTestClient voter = stomp.connect(voterToken);
        assertThat(voter.sendAndAwaitReceipt("/app/questions." + id + ".moderate", "{\"action\":\"dismiss\"}", Duration.ofSeconds(1))).isFalse();
        assertThat(poll(voter.errors, WAIT).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void an_unknown_action_and_malformed_json_get_clear_errors() throws Exception {
        StompTestClient moderator = stomp.connect(facilitatorToken);
        moderator.sendAndAwaitReceipt("/app/questions.1.moderate", "{\"action\":\"explode\"}", Duration.ofSeconds(1));
        JsonNode unknown = poll(moderator.errors, WAIT);
        assertThat(unknown.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.get("message").asString()).contains("Unknown action");

        moderator.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "not json", Duration.ofSeconds(1));
        assertThat(poll(moderator.errors, WAIT).get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void a_wrong_token_cannot_connect() {
        assertThatThrownBy(() -> stomp.connect("cvn_not-a-real-token"))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void without_a_token_one_may_read_but_not_send() throws Exception {
        StompTestClient anonymous = stomp.connect(null);
        assertThat(anonymous.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Hi\"}",
                Duration.ofSeconds(1))).isFalse();
        // the ERROR frame is written through the connection's queue, so it may land just after the receipt wait
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(anonymous.errorFrames).singleElement().asString().contains("Sending needs an access token"));
        assertThat(qa.snapshot(session).questions()).isEmpty();
    }

    @Test
    void the_snapshot_gives_the_seq_and_the_public_questions() throws Exception {
        stomp.connect(askerToken).sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"In the snapshot\"}", WAIT);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/sessions/" + session + "/questions")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = StompTestClient.JSON.readTree(response.body());
        assertThat(body.get("seq").asLong()).isEqualTo(1);
        assertThat(body.get("questions").get(0).get("text").asString()).isEqualTo("In the snapshot");

        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/sessions/987654321/questions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NOT_FOUND");
    }
}
