package org.convene.qa.api;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each text frame a client sends as STOMP before Spring does. A frame that is not STOMP (an unknown command,
 * a broken header escape) or lacks a header its command needs is answered with a coded ERROR (INVALID_REQUEST) and
 * logged at DEBUG; frames arriving after the connection was ended (an ERROR sent, the close still on its way) are
 * dropped. Spring's own handler would log each of these at ERROR with a stack trace, which any client could use
 * to fill the log.
 */
@Component
class FrameSyntaxCheck implements WebSocketHandlerDecoratorFactory {

    private static final Logger log = LoggerFactory.getLogger(FrameSyntaxCheck.class);

    private final StompReceipts receipts;
    /** Connections Spring's STOMP handler still serves. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    FrameSyntaxCheck(StompReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                live.add(session.getId());
                super.afterConnectionEstablished(session);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                if (!live.contains(session.getId()) || receipts.ended(session.getId())) {
                    log.debug("Dropped a frame that arrived after connection {} was ended", session.getId());
                    return;
                }
                String problem = message instanceof TextMessage text ? problem(text.getPayload()) : null;
                if (problem != null) {
                    log.debug("Refused a malformed frame on connection {}", session.getId());
                    live.remove(session.getId());
                    receipts.error(session.getId(), StompRefusal.INVALID_REQUEST, problem);
                    return;
                }
                super.handleMessage(session, message);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                live.remove(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    @EventListener
    void ended(SessionDisconnectEvent event) {
        live.remove(event.getSessionId());
    }

    /** What is wrong with a client's text frame, or null when Spring may read it (an incomplete one waits for the rest). */
    static @Nullable String problem(String frame) {
        List<Message<byte[]>> messages;
        try {
            messages = new StompDecoder().decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException notStomp) {
            return "That frame is not STOMP 1.2: check its command and headers (docs/api.md).";
        }
        for (Message<byte[]> message : messages) {
            StompHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            StompCommand command = headers == null ? null : headers.getCommand();
            if (headers == null || command == null) {
                continue; // a heartbeat
            }
            boolean needsDestination = command == StompCommand.SEND || command == StompCommand.SUBSCRIBE;
            if (needsDestination && isBlank(headers.getDestination())) {
                return command + " needs a destination header.";
            }
            boolean needsId = command == StompCommand.SUBSCRIBE || command == StompCommand.UNSUBSCRIBE;
            if (needsId && isBlank(headers.getSubscriptionId())) {
                return command + " needs an id header.";
            }
        }
        return null;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
