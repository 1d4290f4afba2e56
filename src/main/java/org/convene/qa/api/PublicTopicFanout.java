package org.convene.qa.api;

import org.convene.core.PeriodicTask;
import org.convene.qa.QaExecutors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast path for the public topics (the questions, and the features' own {@link SessionTopic}s), which may have
 * thousands of subscribers each. Spring's simple
 * broker builds, encodes and queues a message per subscriber; here a frame is built once and handed to every
 * subscriber's {@link OutboundConnection}, which writes it with the container's asynchronous send.
 * <p>
 * Every connection is wrapped once in an {@link OutboundConnection} that Spring's own writes (receipts, errors,
 * other topics) also go through, so the two never write at once and keep their order.
 */
@Component
class PublicTopicFanout implements WebSocketHandlerDecoratorFactory, SmartLifecycle {

    /** Idle connections started per task: enough to make a task worth scheduling, few enough to spread. */
    private static final int CONNECTIONS_PER_TASK = 500;
    /**
     * Room for the largest frame a signed-in client sends: a facilitator's 2,000-character reply, with its JSON and
     * headers. Matches StompConfiguration's container default.
     */
    static final int CLIENT_TEXT_BUFFER_CHARS = 4096;
    /**
     * An anonymous connection only reads: its frames (CONNECT, SUBSCRIBE, UNSUBSCRIBE) are a few hundred characters.
     * Most of a large audience is anonymous, and Tomcat keeps this buffer (two bytes a character) for as long as
     * the connection is open. A CONNECT with a token fits, and raises the buffer ({@link #allowClientFrames}).
     */
    static final int ANONYMOUS_TEXT_BUFFER_CHARS = 1024;
    /** How often every connection is checked for a write that stalled ({@link OutboundConnection#SEND_TIMEOUT_NANOS}). */
    static final Duration STALL_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** Open connections by WebSocket session id, as Convene writes to them. */
    private final Map<String, OutboundConnection> connections = new ConcurrentHashMap<>();
    /** Topic destination -> WebSocket session id -> STOMP subscription id. */
    private final Map<String, Map<String, String>> subscribers = new ConcurrentHashMap<>();
    /** WebSocket session id -> STOMP subscription id -> topic destination, to undo on UNSUBSCRIBE. */
    private final Map<String, Map<String, String>> byConnection = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();
    /**
     * Starts writes on idle connections (a write that completes at once runs on to the next queued frame) and
     * closes connections given up on. Sized to the cores: the work is CPU, not waiting ({@link QaExecutors#STOMP_WRITERS}).
     */
    private final TaskExecutor writers;
    /** On the frames' scheduler ({@link QaExecutors#STOMP_FRAMES}). */
    private final PeriodicTask stallChecks;

    PublicTopicFanout(@Qualifier(QaExecutors.STOMP_WRITERS) TaskExecutor writers,
                      @Qualifier(QaExecutors.STOMP_FRAMES) ThreadPoolTaskScheduler scheduler) {
        this.writers = writers;
        this.stallChecks = new PeriodicTask(scheduler, this::closeStalled);
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                OutboundConnection outbound = new OutboundConnection(session, PublicTopicFanout.this::runOnWriter);
                connections.put(session.getId(), outbound);
                super.afterConnectionEstablished(outbound);
                // Spring's STOMP handler raises every connection's text buffer to 16 KiB (33 KB of chars, the largest
                // thing an idle subscriber holds). Set it to the anonymous size before the first frame is read, so
                // Tomcat never allocates the larger buffer; a signed-in CONNECT raises it again.
                if (session.getTextMessageSizeLimit() > ANONYMOUS_TEXT_BUFFER_CHARS) {
                    session.setTextMessageSizeLimit(ANONYMOUS_TEXT_BUFFER_CHARS);
                }
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                forget(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    /**
     * Gives a connection that signed in room for the frames a signed-in client sends. Tomcat sizes its buffer at
     * the start of each message, so the next frame read gets the room.
     */
    void allowClientFrames(String connectionId) {
        OutboundConnection connection = connections.get(connectionId);
        if (connection != null && connection.getDelegate().getTextMessageSizeLimit() < CLIENT_TEXT_BUFFER_CHARS) {
            connection.getDelegate().setTextMessageSizeLimit(CLIENT_TEXT_BUFFER_CHARS);
        }
    }

    /** The connection as Convene writes to it, or null once it has closed (or in tests without WebSocket). */
    @Nullable OutboundConnection connection(String connectionId) {
        return connections.get(connectionId);
    }

    void subscribe(String connectionId, String subscriptionId, long qaSessionId) {
        subscribe(connectionId, subscriptionId, StompDestinations.questionsTopic(qaSessionId));
    }

    void subscribe(String connectionId, String subscriptionId, String destination) {
        subscribers.computeIfAbsent(destination, id -> new ConcurrentHashMap<>()).put(connectionId, subscriptionId);
        byConnection.computeIfAbsent(connectionId, id -> new ConcurrentHashMap<>(2)).put(subscriptionId, destination);
    }

    boolean hasSubscribers(String destination) {
        Map<String, String> topic = subscribers.get(destination);
        return topic != null && !topic.isEmpty();
    }

    void unsubscribe(String connectionId, @Nullable String subscriptionId) {
        Map<String, String> subscriptions = byConnection.get(connectionId);
        String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
        if (destination != null) {
            Map<String, String> topic = subscribers.get(destination);
            if (topic != null) {
                topic.remove(connectionId, subscriptionId);
            }
        }
    }

    private void forget(String connectionId) {
        OutboundConnection connection = connections.remove(connectionId);
        if (connection != null) {
            connection.discard();
        }
        Map<String, String> subscriptions = byConnection.remove(connectionId);
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, destination) -> {
                Map<String, String> topic = subscribers.get(destination);
                if (topic != null) {
                    topic.remove(connectionId);
                }
            });
        }
    }

    /**
     * Queues one frame (the events as a JSON array) for every subscriber of the session's public topic and starts
     * writing on the idle connections. Completes when every subscriber's write has been handed to its socket or
     * queued behind a write still in flight: how long that takes paces the next frame.
     */
    CompletableFuture<Void> publish(long qaSessionId, String eventsJsonArray) {
        return publish(StompDestinations.questionsTopic(qaSessionId), qaSessionId, eventsJsonArray);
    }

    /** The same for any public topic of a session ({@link SessionTopics}). */
    CompletableFuture<Void> publish(String destination, long sessionId, String eventsJsonArray) {
        Map<String, String> topic = subscribers.get(destination);
        if (topic == null || topic.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        PublicFrame frame = PublicFrame.of(destination, sessionId, messageIds.incrementAndGet(),
                eventsJsonArray.substring(1, eventsJsonArray.length() - 1));
        List<CompletableFuture<Void>> started = new ArrayList<>();
        List<OutboundConnection> idle = new ArrayList<>(Math.min(topic.size(), CONNECTIONS_PER_TASK));
        for (Map.Entry<String, String> subscriber : topic.entrySet()) {
            OutboundConnection connection = connections.get(subscriber.getKey());
            String subscriptionId = subscriber.getValue();
            if (connection != null && connection.offer(new OutboundConnection.Delivery(frame, subscriptionId, frame.encoded(subscriptionId)))) {
                idle.add(connection);
                if (idle.size() == CONNECTIONS_PER_TASK) {
                    started.add(startWriting(idle));
                    idle = new ArrayList<>(CONNECTIONS_PER_TASK);
                }
            }
        }
        if (!idle.isEmpty()) {
            started.add(startWriting(idle));
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> startWriting(List<OutboundConnection> idle) {
        Runnable pumpAll = () -> idle.forEach(OutboundConnection::pump);
        try {
            return CompletableFuture.runAsync(pumpAll, writers);
        } catch (RejectedExecutionException stopping) {
            pumpAll.run();
            return CompletableFuture.completedFuture(null);
        }
    }

    private void runOnWriter(Runnable task) {
        writers.execute(task);
    }

    /** Closes the connections whose write has been in flight for too long: clients that stopped reading. */
    void closeStalled() {
        long now = System.nanoTime();
        connections.values().forEach(connection -> connection.abandonIfStalled(now));
    }

    /** Also after a stop: the test context cache stops paused contexts and starts them again. */
    @Override
    public void start() {
        stallChecks.start(STALL_CHECK_INTERVAL);
    }

    @Override
    public void stop() {
        stallChecks.stop();
    }

    @Override
    public boolean isRunning() {
        return stallChecks.isRunning();
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }

    /** For tests: how many connections Convene writes to. */
    int connectionCount() {
        return connections.size();
    }

    /** For tests: how many of them are written the frames' shared bytes (not re-encoded per connection). */
    long connectionsSendingEncoded() {
        return connections.values().stream().filter(OutboundConnection::sendsEncoded).count();
    }

    /** For tests: how many of them are not written straight to the socket (Tomcat's endpoint writes their frames). */
    long connectionsNotWritingToSocket() {
        return connections.values().stream().filter(connection -> !connection.writesToSocket()).count();
    }
}
