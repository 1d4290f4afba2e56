package org.convene.qa.api;

import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.captions.CaptionLine;
import org.convene.captions.CaptionService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.qa.api.StompTestClient.poll;

/** The captions' topic, registered through the {@link SessionTopic} extension point. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class CaptionStompApiTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    TestData data;
    @RegisterExtension
    final StompApiClients stomp = new StompApiClients();
    @Autowired
    CaptionService captions;

    long session;
    String captionerToken;
    String attendeeToken;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        ConveneUser captioner = data.user();
        data.caption(session, captioner);
        captionerToken = stomp.tokenFor(captioner);
        attendeeToken = stomp.tokenFor(data.user());
    }

    private String topic() {
        return "/topic/sessions." + session + ".captions";
    }

    private String send() {
        return "/app/sessions." + session + ".captions";
    }

    @Test
    void a_captioners_line_is_stored_before_its_receipt_and_reaches_an_anonymous_subscriber_revised_until_final()
            throws Exception {
        StompTestClient reader = stomp.connect(null);
        BlockingQueue<JsonNode> frames = reader.subscribe(topic());
        StompTestClient captioner = stomp.connect(captionerToken);

        assertThat(captioner.sendAndAwaitReceipt(send(), "{\"text\":\"Good morning\",\"final\":false}", WAIT)).isTrue();
        assertThat(captions.latest(session).lines()).extracting(CaptionLine::text).containsExactly("Good morning");
        JsonNode first = poll(frames, WAIT);
        assertThat(first).as("a frame arrived").isNotNull();
        assertThat(first.get("sessionId").asLong()).isEqualTo(session);
        JsonNode event = first.get("events").get(0);
        assertThat(event.get("type").asString()).isEqualTo("caption");
        assertThat(event.get("line").asLong()).isEqualTo(1);
        assertThat(event.get("text").asString()).isEqualTo("Good morning");
        assertThat(event.get("final").asBoolean()).isFalse();

        assertThat(captioner.sendAndAwaitReceipt(send(), "{\"text\":\"Good morning, everyone.\",\"final\":true}", WAIT))
                .isTrue();
        JsonNode last = null;
        for (JsonNode frame = poll(frames, WAIT); frame != null; frame = poll(frames, Duration.ofMillis(300))) {
            JsonNode events = frame.get("events");
            last = events.get(events.size() - 1);
        }
        assertThat(last).isNotNull();
        assertThat(last.get("line").asLong()).as("the same line, revised").isEqualTo(1);
        assertThat(last.get("text").asString()).isEqualTo("Good morning, everyone.");
        assertThat(last.get("final").asBoolean()).isTrue();
    }

    @Test
    void an_attendee_is_refused_with_forbidden_and_nothing_is_stored() throws Exception {
        StompTestClient attendee = stomp.connect(attendeeToken);

        assertThat(attendee.sendAndAwaitReceipt(send(), "{\"text\":\"Let me caption\",\"final\":true}",
                Duration.ofSeconds(1))).isFalse();

        JsonNode error = poll(attendee.errors, WAIT);
        assertThat(error.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asString()).contains("captioners, facilitators and the organisers");
        assertThat(captions.latest(session).lines()).isEmpty();
    }

    @Test
    void sending_without_a_token_is_refused_with_not_signed_in() throws Exception {
        StompTestClient anonymous = stomp.connect(null);
        anonymous.sendAndAwaitReceipt(send(), "{\"text\":\"Hello\"}", Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> !anonymous.errorFrames.isEmpty());
        assertThat(anonymous.errorFrames.getFirst()).contains("access token");
        assertThat(captions.latest(session).lines()).isEmpty();
    }

    @Test
    void text_that_cannot_be_stored_gets_its_code() throws Exception {
        StompTestClient captioner = stomp.connect(captionerToken);
        assertThat(captioner.sendAndAwaitReceipt(send(), "{\"text\":\"" + "a".repeat(501) + "\"}", Duration.ofSeconds(1)))
                .isFalse();
        assertThat(poll(captioner.errors, WAIT).get("code").asString()).isEqualTo("TOO_LONG");
    }

    @Test
    void subscribing_to_the_captions_of_a_session_that_does_not_exist_is_refused_with_not_found() throws Exception {
        StompTestClient reader = stomp.connect(null);
        try {
            reader.subscribe("/topic/sessions.999999999.captions");
        } catch (AssertionError expected) {
            // no receipt: the server answered with an ERROR frame
        }
        await().atMost(WAIT).until(() -> !reader.errorFrames.isEmpty());
        assertThat(reader.errorFrames.getFirst()).contains("There is no session with id 999999999");
    }
}
