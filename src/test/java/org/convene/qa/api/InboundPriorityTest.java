package org.convene.qa.api;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InboundPriorityTest {

    private static Message<String> send(String destination, String body) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(body, headers.getMessageHeaders());
    }

    @Test
    void only_sends_to_a_vote_destination_count_as_votes() {
        assertThat(InboundPriority.isVote(send("/app/questions.12.vote", "{}"))).isTrue();
        assertThat(InboundPriority.isVote(send("/app/questions.12.moderate", "{}"))).isFalse();
        assertThat(InboundPriority.isVote(send("/app/sessions.3.questions", "{}"))).isFalse();
        SimpMessageHeaderAccessor subscribe = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        subscribe.setDestination("/app/questions.12.vote");
        assertThat(InboundPriority.isVote(MessageBuilder.createMessage("", subscribe.getMessageHeaders()))).isFalse();
    }

    @Test
    void questions_waiting_behind_votes_are_handled_first_and_each_kind_keeps_its_order() throws Exception {
        ThreadPoolTaskExecutor executor = InboundPriority.executor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.initialize();
        try {
            ExecutorSubscribableChannel channel = new ExecutorSubscribableChannel(executor);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(7);
            List<String> handled = new CopyOnWriteArrayList<>();
            channel.subscribe(message -> {
                if ("block".equals(message.getPayload())) {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    handled.add((String) message.getPayload());
                }
                done.countDown();
            });

            channel.send(send("/app/sessions.1.questions", "block")); // holds the only thread while the rest queue
            channel.send(send("/app/questions.1.vote", "vote 1"));
            channel.send(send("/app/questions.2.vote", "vote 2"));
            channel.send(send("/app/sessions.1.questions", "question 1"));
            channel.send(send("/app/questions.3.vote", "vote 3"));
            channel.send(send("/app/questions.9.moderate", "moderation"));
            channel.send(send("/app/sessions.1.questions", "question 2"));
            release.countDown();

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(handled).containsExactly("question 1", "moderation", "question 2", "vote 1", "vote 2", "vote 3");
        } finally {
            executor.shutdown();
        }
    }
}
