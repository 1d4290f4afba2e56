package org.convene.qa.api;

import org.convene.account.ApiTokenService;
import org.convene.qa.QaException;
import org.convene.qa.QaService;
import org.convene.programme.NoSuchSessionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Authenticates CONNECT by bearer token and checks every frame a client sends before anything handles it: the
 * frame budget, the destination (clients send only to /app/..., never to a topic or a queue), the subscription
 * cap, and on every SEND the token and the person's current roles. While a frame is handled, the sender is the
 * Spring Security principal, so the services' own checks apply unchanged. A refused frame gets a STOMP ERROR frame
 * with a {@code code} header (and, as STOMP requires, the connection closes); refusals are logged at DEBUG only,
 * so no client can fill the log.
 */
@Component
class StompAuthorisation implements ExecutorChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAuthorisation.class);
    private static final int BEARER_LENGTH = "Bearer ".length();

    private final ApiTokenService tokens;
    private final QaService qa;
    private final StompReceipts receipts;
    private final PublicTopicFanout publicTopics;
    private final StompConnections connections;
    private final StompCredentials credentials;
    /** The features' own topics by name ({@link SessionTopic}). */
    private final Map<String, SessionTopic> sessionTopics;
    /** Their actions on one item, as "name.action" ({@link SessionTopic#itemActions()}). */
    private final java.util.Set<String> itemActions;

    StompAuthorisation(ApiTokenService tokens, QaService qa, StompReceipts receipts, PublicTopicFanout publicTopics,
                       StompConnections connections, StompCredentials credentials, List<SessionTopic> sessionTopics) {
        this.tokens = tokens;
        this.qa = qa;
        this.receipts = receipts;
        this.publicTopics = publicTopics;
        this.connections = connections;
        this.credentials = credentials;
        this.sessionTopics = sessionTopics.stream().collect(Collectors.toUnmodifiableMap(SessionTopic::name, t -> t));
        this.itemActions = sessionTopics.stream().flatMap(t -> t.itemActions().stream().map(a -> t.name() + "." + a))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        StompCommand command = accessor == null ? null : accessor.getCommand();
        String connectionId = accessor == null ? null : accessor.getSessionId();
        if (accessor == null || command == null || connectionId == null) {
            return message; // heartbeats, and what Spring itself sends on the channel
        }
        try {
            StompConnections.Connection connection = connections.of(connectionId,
                    ClientAddressHandshake.of(accessor.getSessionAttributes()));
            connection.spendFrame();
            return switch (command) {
                case CONNECT, STOMP -> connect(accessor, connection, message);
                case SUBSCRIBE -> subscribe(accessor, connection, message);
                case UNSUBSCRIBE -> unsubscribe(accessor, connection, message);
                case SEND -> send(accessor, connection, message);
                default -> message;
            };
        } catch (StompRefusal refused) {
            log.debug("Refused a STOMP {} on connection {}: {}", command, connectionId, refused.code());
            receipts.error(accessor, refused.code(), refused.getMessage());
            return null;
        }
    }

    private Message<?> connect(StompHeaderAccessor accessor, StompConnections.Connection connection, Message<?> message) {
        String header = accessor.getFirstNativeHeader("Authorization");
        if (header == null || header.isBlank()) {
            connections.admitAnonymous(connection); // anonymous: may read public sessions only
            return message;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, BEARER_LENGTH)) {
            throw new StompRefusal(StompRefusal.INVALID_TOKEN, "The Authorization header must be \"Bearer <token>\".");
        }
        ApiTokenService.AuthenticatedToken token = tokens.authenticateToken(header.substring(BEARER_LENGTH).trim())
                .orElseThrow(() -> new StompRefusal(StompRefusal.INVALID_TOKEN, "The access token is unknown or was revoked."));
        connection.signIn(token.tokenId(), token.owner());
        accessor.setUser(connection.principal());
        publicTopics.allowClientFrames(connection.id);
        return message;
    }

    private @Nullable Message<?> subscribe(StompHeaderAccessor accessor, StompConnections.Connection connection,
                                           Message<?> message) {
        String subscriptionId = accessor.getSubscriptionId();
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new StompRefusal(StompRefusal.INVALID_REQUEST, "SUBSCRIBE needs an id header, to unsubscribe by later.");
        }
        StompDestinations.Subscription destination = StompDestinations.subscription(accessor.getDestination(),
                sessionTopics.keySet());
        switch (destination) {
            case StompDestinations.PublicTopic topic -> {
                asConnection(connection, () -> qa.settings(topic.sessionId())); // refuses an unknown session
                connection.subscribe(subscriptionId);
                // Public topics are written by PublicTopicFanout, not the simple broker.
                publicTopics.subscribe(connection.id, subscriptionId, topic.sessionId());
                if (accessor.getReceipt() != null) {
                    receipts.send(accessor);
                }
                return null;
            }
            case StompDestinations.ModerationTopic topic -> {
                boolean allowed = asConnection(connection, () -> qa.canModerate(topic.sessionId()));
                if (!allowed) {
                    log.info("Refused a moderation subscription to session {}", topic.sessionId());
                    throw new StompRefusal(StompRefusal.FORBIDDEN, "Only the session's facilitators and organisers may subscribe to "
                            + accessor.getDestination() + ".");
                }
                connection.subscribe(subscriptionId);
                connection.moderating(subscriptionId, topic.sessionId());
            }
            case StompDestinations.FeatureTopic topic -> {
                SessionTopic feature = Objects.requireNonNull(sessionTopics.get(topic.name()), "only registered names match");
                asConnection(connection, () -> {
                    try {
                        feature.checkReader(topic.sessionId());
                        return true;
                    } catch (AccessDeniedException e) {
                        throw new StompRefusal(StompRefusal.FORBIDDEN, e.getMessage() == null
                                ? "You may not subscribe to " + topic.destination() + "." : e.getMessage());
                    } catch (NoSuchSessionException e) {
                        throw new StompRefusal(StompRefusal.NOT_FOUND, Objects.requireNonNull(e.getMessage()));
                    }
                });
                connection.subscribe(subscriptionId);
                publicTopics.subscribe(connection.id, subscriptionId, topic.destination());
                feature.subscribed(topic.sessionId());
                if (accessor.getReceipt() != null) {
                    receipts.send(accessor);
                }
                return null;
            }
            case StompDestinations.OwnQueue queue -> {
                connection.subscribe(subscriptionId);
                if (queue.destination().equals("/user/queue/errors")) {
                    connection.subscribeToErrors(subscriptionId);
                }
            }
        }
        return message;
    }

    private Message<?> unsubscribe(StompHeaderAccessor accessor, StompConnections.Connection connection, Message<?> message) {
        String subscriptionId = accessor.getSubscriptionId();
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new StompRefusal(StompRefusal.INVALID_REQUEST, "UNSUBSCRIBE needs the id header of the subscription.");
        }
        connection.unsubscribe(subscriptionId);
        publicTopics.unsubscribe(connection.id, subscriptionId);
        return message;
    }

    private Message<?> send(StompHeaderAccessor accessor, StompConnections.Connection connection, Message<?> message) {
        if (!connection.signedIn()) {
            throw new StompRefusal(StompRefusal.NOT_SIGNED_IN,
                    "Sending needs an access token: CONNECT with \"Authorization: Bearer <token>\".");
        }
        StompDestinations.send(accessor.getDestination(), sessionTopics.keySet(), itemActions);
        credentials.current(connection); // refuses a revoked token, reads current roles
        return message;
    }

    /** Runs a check as the connection's person (current roles); a Q&A refusal keeps its code. */
    private <T> T asConnection(StompConnections.Connection connection, java.util.function.Supplier<T> action) {
        UsernamePasswordAuthenticationToken principal = credentials.current(connection);
        try {
            return StompCredentials.asUser(principal, action);
        } catch (QaException e) {
            throw new StompRefusal(e.code().name(), e.getMessage());
        }
    }

    /** While a frame is handled, its sender (with the roles last checked) is the signed-in user for the services. */
    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        String connectionId = accessor == null ? null : accessor.getSessionId();
        if (connectionId != null) {
            StompConnections.Connection connection = connections.find(connectionId);
            UsernamePasswordAuthenticationToken principal = connection == null ? null : connection.principal();
            if (principal != null) {
                SecurityContextHolder.getContext().setAuthentication(principal);
            }
        }
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                    @Nullable Exception ex) {
        SecurityContextHolder.clearContext();
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (ex == null && accessor != null && accessor.getCommand() == StompCommand.SUBSCRIBE && accessor.getReceipt() != null
                && subscriptionRegisteredBy(handler, accessor.getDestination())) {
            receipts.send(accessor);
        }
    }

    /**
     * Spring's simple broker sends no RECEIPT for SUBSCRIBE. Once the handler that registers the subscription
     * has run (the broker for topics; the user-destination resolver, which hands it to the broker at once, for
     * /user/...), the subscription is live and the client may be told.
     */
    private static boolean subscriptionRegisteredBy(MessageHandler handler, @Nullable String destination) {
        boolean userDestination = destination != null && destination.startsWith("/user/");
        return userDestination ? handler instanceof UserDestinationMessageHandler
                : handler instanceof SimpleBrokerMessageHandler;
    }
}
