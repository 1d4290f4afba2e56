package org.convene.qa.api;

import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.qa.QaException;
import org.convene.qa.QaService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;

import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticates CONNECT by bearer token and authorises every SUBSCRIBE and SEND on the server. While a frame
 * is handled, the sender is the Spring Security principal, so the services' own checks apply unchanged.
 * A refused frame gets a STOMP ERROR frame (and, as STOMP requires, the connection closes).
 */
@Component
class StompAuthorisation implements ExecutorChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAuthorisation.class);
    private static final Pattern PUBLIC_TOPIC = Pattern.compile("/topic/sessions\\.(\\d+)\\.questions");
    private static final Pattern MODERATION_TOPIC = Pattern.compile("/topic/sessions\\.(\\d+)\\.moderation");

    private final ApiTokenService tokens;
    private final QaService qa;
    private final StompReceipts receipts;
    private final PublicTopicFanout publicTopics;

    StompAuthorisation(ApiTokenService tokens, QaService qa, StompReceipts receipts, PublicTopicFanout publicTopics) {
        this.tokens = tokens;
        this.qa = qa;
        this.receipts = receipts;
        this.publicTopics = publicTopics;
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        try {
            switch (accessor.getCommand()) {
                case CONNECT, STOMP -> authenticate(accessor);
                case SUBSCRIBE -> {
                    authoriseSubscribe(accessor);
                    Matcher publicTopic = PUBLIC_TOPIC.matcher(accessor.getDestination());
                    if (publicTopic.matches()) {
                        // Public topics are written by PublicTopicFanout, not the simple broker.
                        publicTopics.subscribe(connectionId(accessor), Objects.requireNonNull(accessor.getSubscriptionId(),
                                "a SUBSCRIBE without an id cannot be unsubscribed"), Long.parseLong(publicTopic.group(1)));
                        if (accessor.getReceipt() != null) {
                            receipts.send(accessor);
                        }
                        return null;
                    }
                }
                case UNSUBSCRIBE -> publicTopics.unsubscribe(connectionId(accessor), accessor.getSubscriptionId());
                case SEND -> {
                    if (!(accessor.getUser() instanceof UsernamePasswordAuthenticationToken)) {
                        throw new MessageDeliveryException("Sending needs an access token: CONNECT with \"Authorization: Bearer <token>\".");
                    }
                }
                default -> {
                }
            }
        } catch (MessageDeliveryException refused) {
            // With receive order preserved, an exception here would only be logged; the client must hear why.
            receipts.error(accessor, Objects.requireNonNull(refused.getMessage(), "every refusal here says why"));
            return null;
        }
        return message;
    }

    /** Spring sets the WebSocket session's id on every frame a client sends. */
    private static String connectionId(StompHeaderAccessor accessor) {
        return Objects.requireNonNull(accessor.getSessionId(), "set on every inbound frame");
    }

    private void authenticate(StompHeaderAccessor accessor) {
        String header = accessor.getFirstNativeHeader("Authorization");
        if (header == null || header.isBlank()) {
            return; // anonymous: may read public sessions only
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("The Authorization header must be \"Bearer <token>\".");
        }
        ConveneUser user = tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new MessageDeliveryException("The access token is unknown or was revoked."));
        accessor.setUser(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private void authoriseSubscribe(StompHeaderAccessor accessor) {
        String destination = accessor.getDestination();
        if (destination == null) {
            throw new MessageDeliveryException("SUBSCRIBE needs a destination.");
        }
        Matcher publicTopic = PUBLIC_TOPIC.matcher(destination);
        if (publicTopic.matches()) {
            asUser(accessor.getUser(), () -> qa.settings(Long.parseLong(publicTopic.group(1))));
            return;
        }
        Matcher moderation = MODERATION_TOPIC.matcher(destination);
        if (moderation.matches()) {
            boolean allowed = asUser(accessor.getUser(), () -> qa.canModerate(Long.parseLong(moderation.group(1))));
            if (!allowed) {
                log.info("Refused a moderation subscription to session {}", moderation.group(1));
                throw new MessageDeliveryException("Only the session's facilitators and organisers may subscribe to " + destination + ".");
            }
            return;
        }
        if (destination.startsWith("/user/queue/")) {
            return;
        }
        throw new MessageDeliveryException("There is nothing to subscribe to at " + destination + ".");
    }

    private static <T> T asUser(@Nullable Principal principal, java.util.function.Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        try {
            if (principal instanceof UsernamePasswordAuthenticationToken authentication) {
                context.setAuthentication(authentication);
            }
            return action.get();
        } catch (QaException e) {
            throw new MessageDeliveryException(e.getMessage());
        } finally {
            context.setAuthentication(previous);
        }
    }

    /** While a SEND is handled, its sender is the signed-in user for the services. */
    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor != null && accessor.getUser() instanceof UsernamePasswordAuthenticationToken authentication) {
            SecurityContextHolder.getContext().setAuthentication(authentication);
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
