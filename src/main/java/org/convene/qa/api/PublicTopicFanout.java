package org.convene.qa.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast path for the public question topics, which may have thousands of subscribers each. Spring's simple
 * broker builds, encodes and queues a message per subscriber; here the frame's JSON is made once and each
 * subscriber's STOMP frame is that text behind a few header lines, written straight to its WebSocket.
 * <p>
 * Every connection is wrapped once in a {@link ConcurrentWebSocketSessionDecorator} that Spring's own writes
 * (receipts, errors, other topics) also go through, so the two never write at once. A subscriber that cannot
 * keep up has its oldest unsent frames dropped (bounded buffer) rather than holding memory without end: it sees
 * a gap in seq and reloads the snapshot.
 */
@Component
class PublicTopicFanout implements WebSocketHandlerDecoratorFactory {

    private static final Logger log = LoggerFactory.getLogger(PublicTopicFanout.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 64 * 1024;

    /** Open connections by WebSocket session id, as Convene writes to them. */
    private final Map<String, WebSocketSession> connections = new ConcurrentHashMap<>();
    /** Q&A session id -> WebSocket session id -> STOMP subscription id. */
    private final Map<Long, Map<String, String>> subscribers = new ConcurrentHashMap<>();
    /** WebSocket session id -> STOMP subscription id -> Q&A session id, to undo on UNSUBSCRIBE. */
    private final Map<String, Map<String, Long>> byConnection = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                WebSocketSession guarded = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
                        BUFFER_LIMIT_BYTES, ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
                connections.put(session.getId(), guarded);
                super.afterConnectionEstablished(guarded);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                forget(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    void subscribe(String connectionId, String subscriptionId, long qaSessionId) {
        subscribers.computeIfAbsent(qaSessionId, id -> new ConcurrentHashMap<>()).put(connectionId, subscriptionId);
        byConnection.computeIfAbsent(connectionId, id -> new ConcurrentHashMap<>()).put(subscriptionId, qaSessionId);
    }

    void unsubscribe(String connectionId, String subscriptionId) {
        Map<String, Long> subscriptions = byConnection.get(connectionId);
        Long qaSessionId = subscriptions == null ? null : subscriptions.remove(subscriptionId);
        if (qaSessionId != null) {
            Map<String, String> topic = subscribers.get(qaSessionId);
            if (topic != null) {
                topic.remove(connectionId, subscriptionId);
            }
        }
    }

    private void forget(String connectionId) {
        connections.remove(connectionId);
        Map<String, Long> subscriptions = byConnection.remove(connectionId);
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, qaSessionId) -> {
                Map<String, String> topic = subscribers.get(qaSessionId);
                if (topic != null) {
                    topic.remove(connectionId);
                }
            });
        }
    }


    /** Writes one JSON body to every subscriber of the session's public topic. */
    void publish(long qaSessionId, String json) {
        Map<String, String> topic = subscribers.get(qaSessionId);
        if (topic == null || topic.isEmpty()) {
            return;
        }
        String head = "MESSAGE\ndestination:/topic/sessions." + qaSessionId + ".questions\ncontent-type:application/json"
                + "\ncontent-length:" + json.getBytes(StandardCharsets.UTF_8).length + "\nmessage-id:" + messageIds.incrementAndGet()
                + "\nsubscription:";
        String tail = "\n\n" + json + "\0";
        topic.forEach((connectionId, subscriptionId) -> {
            WebSocketSession connection = connections.get(connectionId);
            if (connection == null || !connection.isOpen()) {
                return;
            }
            try {
                connection.sendMessage(new TextMessage(head + subscriptionId + tail));
            } catch (IOException | RuntimeException e) {
                log.debug("Could not write to connection {}: {}", connectionId, e.toString());
            }
        });
    }
}
