package org.convene.qa.api;

import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.AfterEach;
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
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public-topic write path end to end: many subscribers, Spring's receipts on the same connections, and
 * connections that vanish or stop reading. Correctness only: every subscriber gets every event, once, in seq order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class PublicTopicFanoutTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+),");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @RegisterExtension
    final StompApiClients stomp = new StompApiClients();
    @Autowired
    QaService qa;
    @Autowired
    PublicTopicFanout fanout;
    @Autowired
    QaModerationService moderation;

    long session;
    final List<WebSocket> rawSockets = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = data.liveSession();
    }

    @AfterEach
    void tearDown() {
        rawSockets.forEach(WebSocket::abort);
    }

    private String questions() {
        return "/topic/sessions." + session + ".questions";
    }

    /** Reads a subscriber's frames until it has every event up to the session's seq; returns the seqs in order. */
    private List<Long> seqsUpTo(BlockingQueue<JsonNode> frames, long lastSeq) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        while (seqs.isEmpty() || seqs.getLast() < lastSeq) {
            JsonNode frame = StompTestClient.poll(frames, WAIT);
            assertThat(frame).as("a frame up to seq %d (have %s)", lastSeq, seqs).isNotNull();
            frame.get("events").forEach(event -> seqs.add(event.get("seq").asLong()));
        }
        return seqs;
    }

    /** The session's seq once vote announcements (coalesced, a little after the votes) have stopped moving it. */
    private long settledSeq() throws InterruptedException {
        long seq = -1;
        while (seq != qa.snapshot(session).seq()) {
            seq = qa.snapshot(session).seq();
            Thread.sleep(500);
        }
        return seq;
    }

    private static List<Long> oneTo(long n) {
        List<Long> all = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            all.add(i);
        }
        return all;
    }


    /**
     * Tomcat's WebSocket buffers are small (2 KiB, to keep idle connections light), so a frame larger than them
     * leaves in several pieces from the asynchronous send: each must arrive whole, and the frames queued behind it
     * must follow.
     */
    @Test
    void frames_larger_than_the_websocket_buffers_arrive_whole_and_the_frames_behind_them_follow() throws Exception {
        var bufferSize = Class.forName("org.apache.tomcat.websocket.Constants").getDeclaredField("DEFAULT_BUFFER_SIZE");
        bufferSize.setAccessible(true);
        assertThat(bufferSize.getInt(null)).as("Tomcat's WebSocket buffer, as StompConfiguration sets it").isEqualTo(2048);
        List<BlockingQueue<JsonNode>> subscribers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subscribers.add(stomp.connect(null).subscribe(questions()));
        }
        ConveneUser facilitator = data.user();
        data.facilitate(session, facilitator);
        // two bytes a character in UTF-8, so each reply alone is about 4 KB on the wire, twice the buffers
        String longReply = "é".repeat(org.convene.qa.QaLimits.REPLY_MAX_LENGTH - 10);
        AccountFixtures.actAs(facilitator);
        try {
            for (int i = 0; i < 3; i++) {
                var asked = moderation.askOnBehalf(session, "Question " + i + " " + "ü".repeat(400), null);
                long id = ((org.convene.core.SaveResult.Saved<QuestionView>) asked).value().id();
                moderation.reply(id, longReply + i);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        long lastSeq = settledSeq();

        for (BlockingQueue<JsonNode> frames : subscribers) {
            List<String> replies = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (seqs.isEmpty() || seqs.getLast() < lastSeq) {
                JsonNode frame = StompTestClient.poll(frames, WAIT);
                assertThat(frame).as("a frame up to seq %d (have %s)", lastSeq, seqs).isNotNull();
                frame.get("events").forEach(event -> {
                    seqs.add(event.get("seq").asLong());
                    event.findValuesAsString("text").stream().filter(t -> t.startsWith(longReply)).forEach(replies::add);
                });
            }
            assertThat(seqs).containsExactlyElementsOf(oneTo(lastSeq));
            assertThat(replies).contains(longReply + 0, longReply + 1, longReply + 2);
        }
    }

    @Test
    void every_subscriber_gets_every_event_once_in_seq_order_while_receipts_go_to_the_same_connections() throws Exception {
        List<BlockingQueue<JsonNode>> subscribers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subscribers.add(stomp.connect(null).subscribe(questions()));
        }
        // five askers (one may ask five questions a minute) and a voter, all reading the topic too, so their
        // receipts and the fan-out share their connections
        List<StompTestClient> askers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StompTestClient asker = stomp.connect(stomp.tokenFor(data.user()));
            subscribers.add(asker.subscribe(questions()));
            askers.add(asker);
        }
        StompTestClient voter = stomp.connect(stomp.tokenFor(data.user()));
        subscribers.add(voter.subscribe(questions()));

        long questionId = 0;
        for (int i = 0; i < 25; i++) {
            assertThat(askers.get(i % 5).sendAndAwaitReceipt("/app/sessions." + session + ".questions",
                    "{\"text\":\"Question " + i + "\"}", WAIT)).as("receipt for question %d", i).isTrue();
            if (i == 0) {
                questionId = qa.snapshot(session).questions().getFirst().id();
            }
            if (i % 5 == 4) {
                assertThat(voter.sendAndAwaitReceipt("/app/questions." + questionId + ".vote",
                        "{\"up\":" + (i % 10 == 4) + "}", WAIT)).as("receipt for vote %d", i).isTrue();
            }
        }
        long lastSeq = settledSeq();

        for (BlockingQueue<JsonNode> frames : subscribers) {
            assertThat(seqsUpTo(frames, lastSeq)).containsExactlyElementsOf(oneTo(lastSeq));
        }
        for (StompTestClient client : stomp.connected()) {
            assertThat(client.errorFrames).isEmpty();
            assertThat(client.errors).isEmpty();
        }
    }

    @Test
    void connections_that_vanish_or_stop_reading_do_not_stop_the_others() throws Exception {
        BlockingQueue<JsonNode> before = stomp.connect(null).subscribe(questions());
        WebSocket vanishing = rawSubscriber();
        WebSocket notReading = rawSubscriber();
        BlockingQueue<JsonNode> after = stomp.connect(null).subscribe(questions());
        StompTestClient asker = stomp.connect(stomp.tokenFor(data.user()));

        asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"First\"}", WAIT);
        vanishing.abort();
        for (int i = 0; i < 4; i++) {
            asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions", "{\"text\":\"Next " + i + "\"}", WAIT);
        }
        long lastSeq = qa.snapshot(session).seq();

        assertThat(seqsUpTo(before, lastSeq)).containsExactlyElementsOf(oneTo(lastSeq));
        assertThat(seqsUpTo(after, lastSeq)).containsExactlyElementsOf(oneTo(lastSeq));
        assertThat(notReading.isOutputClosed()).isFalse();
    }

    @Test
    void a_frame_larger_than_common_client_buffers_reaches_the_subscriber_whole() throws Exception {
        BlockingQueue<JsonNode> frames = stomp.connect(null).subscribe(questions());
        String text = "x".repeat(40_000); // what a slow reader's merged backlog can add up to

        fanout.publish(session, "[{\"seq\":1,\"type\":\"test\",\"text\":\"" + text + "\"}]").get(10, TimeUnit.SECONDS);

        JsonNode frame = StompTestClient.poll(frames, WAIT);
        assertThat(frame).as("the large frame").isNotNull();
        assertThat(frame.get("events").get(0).get("text").asString()).hasSize(text.length());
    }

    @Test
    void a_frame_too_long_for_a_sixteen_bit_length_reaches_the_subscriber_whole() throws Exception {
        BlockingQueue<JsonNode> frames = stomp.connect(null).subscribe(questions());
        String text = "y".repeat(70_000); // past 65,535 bytes, the frame header's eight-byte length

        fanout.publish(session, "[{\"seq\":1,\"type\":\"test\",\"text\":\"" + text + "\"}]").get(10, TimeUnit.SECONDS);

        JsonNode frame = StompTestClient.poll(frames, WAIT);
        assertThat(frame).as("the long frame").isNotNull();
        assertThat(frame.get("events").get(0).get("text").asString()).isEqualTo(text);
    }

    @Test
    void on_tomcat_every_connection_is_written_the_frames_bytes_encoded_once_for_all() throws Exception {
        stomp.connect(null).subscribe(questions());
        stomp.connect(stomp.tokenFor(data.user())).subscribe(questions());

        assertThat(fanout.connectionCount()).isPositive();
        assertThat(fanout.connectionsSendingEncoded())
                .as("Tomcat's text path taken with pre-encoded bytes; if a Tomcat upgrade breaks it, frames are"
                        + " still sent, re-encoded per connection, and this says so")
                .isEqualTo(fanout.connectionCount());
        assertThat(fanout.connectionsNotWritingToSocket())
                .as("frames written straight to Tomcat's socket, completing without a thread hand-off; if a Tomcat"
                        + " upgrade breaks it, frames still go through Tomcat's endpoint, and this says so")
                .isZero();
    }

    @Test
    void a_connection_that_agreed_to_compression_is_written_through_tomcat_and_reads_every_frame() throws Exception {
        try (DeflateWebSocketClient deflating = new DeflateWebSocketClient(port)) {
            assertThat(deflating.negotiatedExtensions).startsWith("permessage-deflate");
            deflating.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n");
            deflating.next("CONNECTED");
            deflating.send("SUBSCRIBE\nid:d\ndestination:" + questions() + "\nreceipt:r\n\n");
            deflating.next("RECEIPT");
            assertThat(fanout.connectionsNotWritingToSocket())
                    .as("compression is Tomcat's to do, so this connection is not written to directly")
                    .isEqualTo(1);

            String text = "z".repeat(3_000);
            for (int seq = 1; seq <= 3; seq++) {
                fanout.publish(session, "[{\"seq\":" + seq + ",\"type\":\"test\",\"text\":\"" + text + "\"}]")
                        .get(10, TimeUnit.SECONDS);
            }

            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < 3) { // frames queued behind a write still in flight arrive merged into one message
                String message = deflating.next("MESSAGE");
                assertThat(message).contains(text);
                SEQ.matcher(message).results().forEach(seq -> seqs.add(Long.parseLong(seq.group(1))));
            }
            assertThat(seqs).containsExactly(1L, 2L, 3L);
            assertThat(deflating.compressedMessages).as("Tomcat compressed the frames").isPositive();
        }
    }

    /** A subscriber on the JDK's WebSocket that reads only the frames up to its subscription's receipt. */
    private WebSocket rawSubscriber() throws Exception {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        webSocket.request(1);
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        if (data.toString().startsWith("RECEIPT")) {
                            subscribed.complete(null); // and requests nothing more: it stops reading
                        } else {
                            webSocket.request(1);
                        }
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        rawSockets.add(socket);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SUBSCRIBE\nid:raw\ndestination:" + questions() + "\nreceipt:r\n\n\0", true).get(10, TimeUnit.SECONDS);
        subscribed.get(10, TimeUnit.SECONDS);
        return socket;
    }
}
