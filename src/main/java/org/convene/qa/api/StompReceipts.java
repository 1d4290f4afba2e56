package org.convene.qa.api;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sends a STOMP RECEIPT for a client frame that asked for one, or an ERROR for one that was refused. */
@Component
class StompReceipts {

    /** The ERROR frame's header that carries our stable code (docs/api.md); {@code message} says it for people. */
    static final String CODE_HEADER = "code";

    private static final Log channelLog = LogFactory.getLog(StompReceipts.class);
    private static final Logger log = LoggerFactory.getLogger(StompReceipts.class);
    private static final StompEncoder ENCODER = new StompEncoder();

    // looked up lazily: the channel is made by the same configuration that needs the interceptor using this
    private final ObjectProvider<MessageChannel> clientOutbound;
    /** Per connection, our RECEIPTs leave one at a time, in the order sent (the outbound channel has several threads). */
    private final Map<String, MessageChannel> ordered = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final PublicTopicFanout publicTopics;

    StompReceipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
                  PublicTopicFanout publicTopics) {
        this.clientOutbound = clientOutbound;
        this.publicTopics = publicTopics;
    }

    void send(StompHeaderAccessor frame) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(frame.getReceipt());
        receipt.setSessionId(frame.getSessionId());
        receipt.setLeaveMutable(true);
        channelFor(frame.getSessionId()).send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** A coded STOMP ERROR frame answering a client frame; as STOMP requires, the server then closes the connection. */
    void error(StompHeaderAccessor frame, String code, String message) {
        StompHeaderAccessor error = errorFrame(code, message);
        if (frame.getReceipt() != null) {
            error.setReceiptId(frame.getReceipt());
        }
        error.setSessionId(frame.getSessionId());
        send(error, message);
    }

    /** A coded STOMP ERROR frame the server sends on its own (a revoked token), closing the connection. */
    void error(String connectionId, String code, String message) {
        StompHeaderAccessor error = errorFrame(code, message);
        error.setSessionId(connectionId);
        send(error, message);
    }

    private static StompHeaderAccessor errorFrame(String code, String message) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(message);
        error.setNativeHeader(CODE_HEADER, code);
        return error;
    }

    /**
     * Written straight to the connection's queue, behind what is already queued, and followed by the close; the
     * connection is marked ended so frames that still arrive are dropped ({@link FrameSyntaxCheck}).
     */
    private void send(StompHeaderAccessor error, String message) {
        String connectionId = error.getSessionId();
        OutboundConnection connection = connectionId == null ? null : publicTopics.connection(connectionId);
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        if (connectionId == null || connection == null) {
            error.setLeaveMutable(true);
            channelFor(connectionId).send(MessageBuilder.createMessage(body, error.getMessageHeaders()));
            return;
        }
        ended.add(connectionId);
        byte[] frame = ENCODER.encode(error.getMessageHeaders(), body);
        try {
            connection.sendThenClose(new TextMessage(new String(frame, StandardCharsets.UTF_8)), CloseStatus.PROTOCOL_ERROR);
        } catch (IOException | RuntimeException closed) {
            log.debug("Could not send an ERROR frame to connection {}: {}", connectionId, closed.toString());
        }
    }

    /** Whether the connection was sent an ERROR and is closing: frames it still sends are not handled. */
    boolean ended(String connectionId) {
        return ended.contains(connectionId);
    }

    private MessageChannel channelFor(@Nullable String connectionId) {
        MessageChannel channel = clientOutbound.getObject();
        if (connectionId == null || !OrderedMessageChannelDecorator.supportsOrderedMessages(channel)) {
            return channel;
        }
        return ordered.computeIfAbsent(connectionId, id -> new OrderedMessageChannelDecorator(channel, channelLog));
    }

    @EventListener
    void closed(SessionDisconnectEvent event) {
        ordered.remove(event.getSessionId());
        ended.remove(event.getSessionId());
    }
}
