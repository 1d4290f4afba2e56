package org.convene.qa.api;

import org.convene.qa.QaEvent;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaProperties;
import org.convene.qa.QaStream;
import org.convene.qa.QaUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcaster's pacing with a real scheduler and frame interval long enough that a frame held for it could
 * never arrive within the test's wait: vote counts wait for it, a question change does not. On the public topic the
 * hand-off to the subscribers is the test's to finish, so what waits for it shows.
 */
class QaStompBroadcasterTest {

    private static final String MODERATION = "/topic/sessions.7.moderation";

    /** Hands the test the listener the broadcaster registers for every session. */
    private static final class Updates extends QaLiveUpdates {
        Consumer<QaUpdate> listener = update -> {
        };

        @Override
        public Registration subscribeToAll(Consumer<QaUpdate> listener) {
            this.listener = listener;
            return () -> {
            };
        }
    }

    private final Updates updates = new Updates();
    private final List<QaStompBroadcaster.Frame> sent = new CopyOnWriteArrayList<>();
    /** The public topic's frames (their events as JSON), each with the hand-off the test completes. */
    private final List<Map.Entry<String, CompletableFuture<Void>>> handedOut = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private long seq;

    QaStompBroadcasterTest() {
        scheduler.initialize();
        startBroadcaster(Duration.ofMinutes(5));
    }

    /** Starts a broadcaster on {@link #updates}; the last one started receives the test's events. */
    private void startBroadcaster(Duration frameInterval) {
        MessageChannel channel = (Message<?> message, long timeout) -> {
            if (MODERATION.equals(message.getHeaders().get("simpDestination"))) {
                sent.add((QaStompBroadcaster.Frame) message.getPayload());
            }
            return true;
        };
        var broadcaster = new QaStompBroadcaster(updates, new SimpMessagingTemplate(channel),
                new PublicTopicFanout(scheduler, scheduler) {
                    @Override
                    CompletableFuture<Void> publish(long qaSessionId, String eventsJsonArray) {
                        CompletableFuture<Void> handOff = new CompletableFuture<>();
                        handedOut.add(Map.entry(eventsJsonArray, handOff));
                        return handOff;
                    }
                }, JsonMapper.builder().build(),
                new QaProperties(5, 60, Duration.ofMillis(200), frameInterval, Duration.ofMillis(50)), scheduler);
        broadcaster.start();
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void a_question_change_brings_forward_the_frame_that_vote_counts_wait_for() {
        publish(QaEvent.VOTES);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 1);

        publish(QaEvent.VOTES);
        publish(QaEvent.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
        assertThat(sent.get(1).events()).extracting(QaStompBroadcaster.Event::type)
                .containsExactly(QaEvent.VOTES, QaEvent.CREATED);
        assertThat(sent.get(1).events()).extracting(QaStompBroadcaster.Event::seq).containsExactly(2L, 3L);
    }

    @Test
    void vote_counts_alone_wait_for_the_frame_interval_after_the_last_frame() throws InterruptedException {
        publish(QaEvent.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 1);

        publish(QaEvent.VOTES);
        Thread.sleep(500);

        assertThat(sent).hasSize(1);
    }

    @Test
    void a_question_leaves_while_the_frame_before_it_is_still_being_handed_out() {
        publishPublic(QaEvent.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 1);

        publishPublic(QaEvent.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 2);
        assertThat(handedOut.getFirst().getValue()).isNotDone();
        assertThat(seqs(handedOut.get(1).getKey())).containsExactly(2L);
    }

    @Test
    void vote_counts_alone_wait_until_the_frames_in_hand_have_reached_every_subscriber() throws InterruptedException {
        startBroadcaster(Duration.ofMillis(100));
        publishPublic(QaEvent.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 1);

        publishPublic(QaEvent.VOTES);
        Thread.sleep(500);
        assertThat(handedOut).as("the frame interval (100 ms) is long past; the hand-off is not done").hasSize(1);

        handedOut.getFirst().getValue().complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 2);
        assertThat(seqs(handedOut.get(1).getKey())).containsExactly(2L);
    }

    @Test
    void a_question_takes_along_the_vote_counts_waiting_for_a_hand_off() {
        publishPublic(QaEvent.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 1);

        publishPublic(QaEvent.VOTES);
        publishPublic(QaEvent.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> handedOut.size() == 2);
        assertThat(seqs(handedOut.get(1).getKey())).containsExactly(2L, 3L);
        handedOut.forEach(frame -> frame.getValue().complete(null));
    }

    private void publishPublic(String type) {
        updates.listener.accept(new QaUpdate(7, List.of(nextEvent(QaStream.PUBLIC, type)), List.of()));
    }

    private static List<Long> seqs(String eventsJson) {
        return Pattern.compile("\"seq\":(\\d+)").matcher(eventsJson).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    private void publish(String type) {
        updates.listener.accept(new QaUpdate(7, List.of(), List.of(nextEvent(QaStream.MODERATION, type))));
    }

    private QaEvent nextEvent(QaStream stream, String type) {
        seq++;
        return new QaEvent(7, stream, seq, type, null, type.equals(QaEvent.VOTES) ? Map.of(1L, (int) seq) : null);
    }
}
