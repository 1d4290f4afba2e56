package org.convene.qa.api;

import org.springframework.core.task.TaskDecorator;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageHandlingRunnable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The order in which clients' frames are handled when they arrive faster than the server can handle them: votes
 * last. In a big room a thousand votes a second can outrun one core, and with one first-come queue every question,
 * moderation action, CONNECT and SUBSCRIBE waited behind seconds of votes (the vote benchmark showed questions
 * reaching screens 16 to 48 s late). Here they overtake the waiting votes, so the live questions stay live while
 * votes catch up; within each class the order of arrival is kept, and one connection's frames still run one at a
 * time in the order sent (Spring's preserved receive order hands the pool one frame per connection at a time).
 * A vote waiting here is not yet acknowledged (its RECEIPT follows its commit), so nothing promised is lost.
 */
final class InboundPriority {

    private static final Pattern VOTE = Pattern.compile("/app/questions\\.[0-9]+\\.vote");
    private static final AtomicLong ARRIVALS = new AtomicLong();

    private InboundPriority() {
    }

    /** Spring's default inbound pool (two threads a core), with a queue that lets everything overtake votes. */
    static ThreadPoolTaskExecutor executor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor() {
            @Override
            protected BlockingQueue<Runnable> createQueue(int queueCapacity) {
                return new PriorityBlockingQueue<>();
            }
        };
        int threads = Runtime.getRuntime().availableProcessors() * 2;
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("clientInboundChannel-");
        executor.setTaskDecorator(new Ranking());
        return executor;
    }

    static boolean isVote(Message<?> message) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
            return false;
        }
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        return destination != null && VOTE.matcher(destination).matches();
    }

    /** Gives each frame its rank and place in line as it is queued. */
    static final class Ranking implements TaskDecorator {
        @Override
        public Runnable decorate(Runnable runnable) {
            boolean vote = runnable instanceof MessageHandlingRunnable handling && isVote(handling.getMessage());
            return new Ranked(runnable, vote, ARRIVALS.incrementAndGet());
        }
    }

    record Ranked(Runnable task, boolean vote, long arrival) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            if (vote != other.vote) {
                return vote ? 1 : -1;
            }
            return Long.compare(arrival, other.arrival);
        }
    }
}
