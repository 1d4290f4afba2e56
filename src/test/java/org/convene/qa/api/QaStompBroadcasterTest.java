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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcaster's pacing with a real scheduler and frame interval long enough that a frame held for it could
 * never arrive within the test's wait: vote counts wait for it, a question change does not.
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
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private long seq;

    QaStompBroadcasterTest() {
        scheduler.initialize();
        MessageChannel channel = (Message<?> message, long timeout) -> {
            if (MODERATION.equals(message.getHeaders().get("simpDestination"))) {
                sent.add((QaStompBroadcaster.Frame) message.getPayload());
            }
            return true;
        };
        var broadcaster = new QaStompBroadcaster(updates, new SimpMessagingTemplate(channel),
                new PublicTopicFanout(scheduler, scheduler), JsonMapper.builder().build(),
                new QaProperties(5, 60, Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofMillis(50)), scheduler);
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

    private void publish(String type) {
        seq++;
        QaEvent event = new QaEvent(7, QaStream.MODERATION, seq, type, null,
                type.equals(QaEvent.VOTES) ? Map.of(1L, (int) seq) : null);
        updates.listener.accept(new QaUpdate(7, List.of(), List.of(event)));
    }
}
