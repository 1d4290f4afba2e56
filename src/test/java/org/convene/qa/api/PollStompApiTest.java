package org.convene.qa.api;

import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.polls.Poll;
import org.convene.polls.PollDraft;
import org.convene.polls.PollService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.qa.api.StompTestClient.poll;

/** The polls' topic and answer action, registered through the {@link SessionTopic} extension point. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class PollStompApiTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    TestData data;
    @RegisterExtension
    final StompApiClients stomp = new StompApiClients();
    @Autowired
    PollService polls;

    long session;
    ConveneUser facilitator;
    ConveneUser attendee;
    String attendeeToken;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        attendee = data.user();
        attendeeToken = stomp.tokenFor(attendee);
    }

    private long prepared(String question, boolean multiple, boolean anonymous) {
        AccountFixtures.actAs(facilitator);
        try {
            SaveResult<Long> result = polls.prepare(session, new PollDraft(question, List.of("Yes", "No", "Not sure"),
                    multiple, anonymous));
            return ((SaveResult.Saved<Long>) result).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long opened(String question, boolean multiple) {
        long id = prepared(question, multiple, true);
        AccountFixtures.actAs(facilitator);
        try {
            polls.open(id);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return id;
    }

    private void close(long pollId) {
        AccountFixtures.actAs(facilitator);
        try {
            polls.close(pollId);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String topic() {
        return "/topic/sessions." + session + ".polls";
    }

    private static String answer(long pollId) {
        return "/app/polls." + pollId + ".answer";
    }

    private Poll stored(long pollId) {
        return polls.board(session).polls().stream().filter(p -> p.id() == pollId).findFirst().orElseThrow();
    }

    /** The first frame whose event for the poll matches, skipping earlier ones (each frame holds every poll). */
    private static JsonNode eventFor(BlockingQueue<JsonNode> frames, long pollId, Predicate<JsonNode> wanted)
            throws InterruptedException {
        for (JsonNode frame = poll(frames, WAIT); frame != null; frame = poll(frames, WAIT)) {
            for (JsonNode event : frame.get("events")) {
                if (event.get("id").asLong() == pollId && wanted.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("No matching frame for poll " + pollId);
    }

    @Test
    void an_answer_sent_over_stomp_is_stored_before_its_receipt_and_the_counts_reach_an_anonymous_subscriber()
            throws Exception {
        long draft = prepared("Not asked yet?", false, false);
        long open = opened("Was this clear?", false);
        StompTestClient reader = stomp.connect(null);
        BlockingQueue<JsonNode> frames = reader.subscribe(topic());

        JsonNode first = eventFor(frames, open, e -> true);
        assertThat(first.get("type").asString()).isEqualTo("poll");
        assertThat(first.get("question").asString()).isEqualTo("Was this clear?");
        assertThat(first.get("state").asString()).isEqualTo("open");
        assertThat(first.get("kind").asString()).isEqualTo("single");
        assertThat(first.get("options")).extracting(o -> o.get("label").asString()).containsExactly("Yes", "No", "Not sure");
        assertThat(first.get("answered").asInt()).isZero();

        StompTestClient voter = stomp.connect(attendeeToken);
        int no = stored(open).options().get(1).position();
        assertThat(voter.sendAndAwaitReceipt(answer(open), "{\"options\":[" + no + "]}", WAIT)).isTrue();
        assertThat(stored(open).answered()).as("stored before the receipt").isEqualTo(1);

        JsonNode counted = eventFor(frames, open, e -> e.get("answered").asInt() == 1);
        JsonNode chosen = counted.get("options").get(1);
        assertThat(chosen.get("id").asInt()).isEqualTo(no);
        assertThat(chosen.get("count").asInt()).isEqualTo(1);
        assertThat(chosen.get("percent").asInt()).isEqualTo(100);
        assertThat(chosen.get("result").asString()).isEqualTo("1 of 1 chose No (100%)");
        assertThat(counted.propertyNames()).as("nothing says who answered").containsExactlyInAnyOrder("type", "id",
                "question", "kind", "anonymous", "state", "openedAt", "closedAt", "options", "answered");
        assertThat(chosen.propertyNames()).containsExactlyInAnyOrder("id", "label", "count", "percent", "result");
        assertThat(counted.toString()).doesNotContain(attendee.displayName());

        close(open);
        JsonNode closed = eventFor(frames, open, e -> e.get("state").asString().equals("closed"));
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(frames).as("a draft is never sent").allSatisfy(f -> assertThat(f.toString())
                .doesNotContain("Not asked yet?"));
        assertThat(draft).isPositive();
    }

    @Test
    void a_second_subscriber_gets_the_polls_as_they_are_without_waiting_for_a_change() throws Exception {
        long open = opened("Shall we take a break?", true);
        StompTestClient early = stomp.connect(null);
        early.subscribe(topic());
        StompTestClient late = stomp.connect(null);
        BlockingQueue<JsonNode> frames = late.subscribe(topic());

        JsonNode event = eventFor(frames, open, e -> true);
        assertThat(event.get("kind").asString()).isEqualTo("multiple");
        assertThat(event.get("anonymous").asBoolean()).isTrue();
    }

    @Test
    void answering_a_closed_poll_is_refused_with_poll_not_open_and_changes_nothing() throws Exception {
        long open = opened("Was this clear?", false);
        close(open);
        StompTestClient voter = stomp.connect(attendeeToken);
        int yes = stored(open).options().getFirst().position();

        assertThat(voter.sendAndAwaitReceipt(answer(open), "{\"options\":[" + yes + "]}", Duration.ofSeconds(1))).isFalse();

        JsonNode error = poll(voter.errors, WAIT);
        assertThat(error.get("code").asString()).isEqualTo("POLL_NOT_OPEN");
        assertThat(error.get("message").asString()).isEqualTo("This poll has closed, so answers are no longer taken.");
        assertThat(error.get("destination").asString()).isEqualTo(answer(open));
        assertThat(stored(open).answered()).isZero();
    }

    @Test
    void two_answers_to_a_single_choice_poll_are_refused_with_the_pages_words() throws Exception {
        long open = opened("Was this clear?", false);
        StompTestClient voter = stomp.connect(attendeeToken);
        List<Integer> positions = stored(open).options().stream().map(o -> o.position()).toList();

        voter.sendAndAwaitReceipt(answer(open), "{\"options\":[" + positions.get(0) + "," + positions.get(1) + "]}",
                Duration.ofSeconds(1));
        JsonNode error = poll(voter.errors, WAIT);
        assertThat(error.get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(error.get("message").asString()).isEqualTo("Choose only one answer");

        voter.sendAndAwaitReceipt(answer(open), "{\"options\":[99]}", Duration.ofSeconds(1));
        assertThat(poll(voter.errors, WAIT).get("message").asString()).isEqualTo("Choose from the answers shown");
        assertThat(stored(open).answered()).isZero();
    }

    @Test
    void a_body_of_the_wrong_shape_is_refused_with_invalid_request_and_the_connection_stays_open() throws Exception {
        long open = opened("Was this clear?", false);
        StompTestClient voter = stomp.connect(attendeeToken);
        for (String body : List.of("not json", "{\"options\":\"Yes\"}", "{\"options\":[null]}", "{}",
                "{\"options\":[99999999999]}")) {
            voter.sendAndAwaitReceipt(answer(open), body, Duration.ofMillis(300));
            JsonNode error = poll(voter.errors, WAIT);
            assertThat(error).as(body).isNotNull();
            assertThat(error.get("code").asString()).as(body).isEqualTo("INVALID_REQUEST");
        }
        int yes = stored(open).options().getFirst().position();
        assertThat(voter.sendAndAwaitReceipt(answer(open), "{\"options\":[" + yes + "]}", WAIT)).isTrue();
    }

    @Test
    void answering_a_poll_that_does_not_exist_is_refused_with_not_found() throws Exception {
        StompTestClient voter = stomp.connect(attendeeToken);
        voter.sendAndAwaitReceipt(answer(999_999_999L), "{\"options\":[1]}", Duration.ofSeconds(1));
        assertThat(poll(voter.errors, WAIT).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answering_without_a_token_is_refused_with_not_signed_in() throws Exception {
        long open = opened("Was this clear?", false);
        StompTestClient anonymous = stomp.connect(null);
        anonymous.sendAndAwaitReceipt(answer(open), "{\"options\":[1]}", Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> !anonymous.errorFrames.isEmpty());
        assertThat(anonymous.errorFrames.getFirst()).contains("access token");
        assertThat(stored(open).answered()).isZero();
    }

    @Test
    void a_malformed_answer_destination_is_refused_before_anything_handles_it() throws Exception {
        StompTestClient voter = stomp.connect(attendeeToken);
        voter.sendAndAwaitReceipt("/app/polls.abc.answer", "{\"options\":[1]}", Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> !voter.errorFrames.isEmpty());
        assertThat(voter.errorFrames.getFirst()).contains("/app/polls.{id}.answer");
    }

    @Test
    void subscribing_to_the_polls_of_a_session_that_does_not_exist_is_refused_with_not_found() throws Exception {
        StompTestClient reader = stomp.connect(null);
        try {
            reader.subscribe("/topic/sessions.999999999.polls");
        } catch (AssertionError expected) {
            // no receipt: the server answered with an ERROR frame
        }
        await().atMost(WAIT).until(() -> !reader.errorFrames.isEmpty());
        assertThat(reader.errorFrames.getFirst()).contains("There is no session with id 999999999");
    }
}
