package org.convene.qa.api;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;

/**
 * Checks each moderation-topic frame on its way to a client: when its holder may no longer moderate the session
 * (a facilitator removed, an organiser's role taken away, a token revoked), the frame is dropped, the subscription
 * ends, and the client's /user/queue/errors hears MODERATION_ENDED. The right is read from the database at most
 * once per {@code convene.stomp.credentials-check-interval} per connection and session.
 */
@Component
class ModerationGuard implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ModerationGuard.class);

    private final StompConnections connections;
    private final StompCredentials credentials;
    private final StompReceipts receipts;
    // looked up lazily: the channel is made by the configuration that installs this interceptor
    private final ObjectProvider<MessageChannel> clientOutbound;

    ModerationGuard(StompConnections connections, StompCredentials credentials, StompReceipts receipts,
                    @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.connections = connections;
        this.credentials = credentials;
        this.receipts = receipts;
        this.clientOutbound = clientOutbound;
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        var headers = message.getHeaders();
        String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
        String subscriptionId = SimpMessageHeaderAccessor.getSubscriptionId(headers);
        if (SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.MESSAGE || sessionId == null
                || subscriptionId == null) {
            return message;
        }
        StompConnections.Connection connection = connections.find(sessionId);
        Long qaSessionId = connection == null ? null : connection.moderatedSession(subscriptionId);
        if (connection == null || qaSessionId == null) {
            return message;
        }
        try {
            if (credentials.mayStillModerate(connection, qaSessionId)) {
                return message;
            }
        } catch (StompRefusal revoked) {
            receipts.error(connection.id, revoked.code(), revoked.getMessage());
            return null;
        }
        log.debug("Ended moderation of session {} on connection {}: no longer allowed", qaSessionId, connection.id);
        String destination = SimpMessageHeaderAccessor.getDestination(headers);
        connection.endModeration(qaSessionId);
        tell(connection, destination);
        return null;
    }

    /** Tells the client on its error queue, if it subscribed to one, why moderation frames stopped. */
    private void tell(StompConnections.Connection connection, @Nullable String destination) {
        String errors = connection.errorsSubscription();
        if (errors == null) {
            return;
        }
        SimpMessageHeaderAccessor notice = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        notice.setSessionId(connection.id);
        notice.setSubscriptionId(errors);
        notice.setDestination("/user/queue/errors");
        notice.setContentType(MimeTypeUtils.APPLICATION_JSON);
        notice.setLeaveMutable(true);
        String body = "{\"code\":\"MODERATION_ENDED\",\"message\":\"You may no longer moderate this session, so its"
                + " moderation topic has ended.\",\"destination\":" + jsonString(destination) + ",\"receiptId\":null}";
        clientOutbound.getObject().send(MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8),
                notice.getMessageHeaders()));
    }

    private static String jsonString(@Nullable String text) {
        // destinations of the moderation topic are /topic/sessions.{digits}.moderation: nothing to escape
        return text == null ? "null" : "\"" + text + "\"";
    }
}
