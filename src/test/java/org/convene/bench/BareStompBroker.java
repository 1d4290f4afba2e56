package org.convene.bench;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the live Q&A fan-out is measured against (shared fanout-baseline notes): a bare Spring Boot STOMP
 * app with the simple broker, no database, no Convene code. Every message SENT to /app/bench is re-broadcast at
 * once, as its own frame, to every subscriber of /topic/bench, in the same JSON shape as Convene's public topic
 * (one event per frame), so the load generator reads both the same way. RECEIPTs for SUBSCRIBE and SEND are added
 * (the simple broker sends none) because the load generator waits for them.
 * <p>
 * Started from the test classpath by bench/qa-fanout.sh: {@code java -cp ... org.convene.bench.BareStompBroker --server.port=N}.
 */
// Deliberately not a @Configuration: Convene's own component scan covers this package on the test classpath.
@EnableWebSocketMessageBroker
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
public class BareStompBroker implements WebSocketMessageBrokerConfigurer {

    public static void main(String[] args) {
        new SpringApplicationBuilder(BareStompBroker.class)
                .properties("spring.main.banner-mode=off", "spring.jmx.enabled=false")
                .run(args);
    }

    private final ObjectProvider<MessageChannel> clientOutbound;
    private final ObjectProvider<Rebroadcaster> rebroadcaster;

    BareStompBroker(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
                    ObjectProvider<Rebroadcaster> rebroadcaster) {
        this.clientOutbound = clientOutbound;
        this.rebroadcaster = rebroadcaster;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ExecutorChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
                if (accessor != null && accessor.getCommand() == StompCommand.SEND && "/app/bench".equals(accessor.getDestination())) {
                    rebroadcaster.getObject().rebroadcast(message);
                    return null;
                }
                return message;
            }

            @Override
            public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
                StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
                if (ex == null && accessor != null && accessor.getCommand() == StompCommand.SUBSCRIBE
                        && accessor.getReceipt() != null && handler instanceof SimpleBrokerMessageHandler) {
                    receipt(accessor);
                }
            }
        });
    }

    void receipt(StompHeaderAccessor frame) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(frame.getReceipt());
        receipt.setSessionId(frame.getSessionId());
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    @Bean
    Rebroadcaster rebroadcaster(SimpMessagingTemplate messaging) {
        return new Rebroadcaster(messaging, this);
    }

    /**
     * Re-broadcasts what it is sent; "text" becomes a question, "vote" a votes.changed event. Called from an
     * inbound interceptor rather than a @MessageMapping controller, which Convene's component scan would find.
     */
    static final class Rebroadcaster {
        private static final Pattern TEXT = Pattern.compile("\"text\":\"([^\"]*)\"");
        private static final Pattern VOTE = Pattern.compile("\"vote\":(\\d+)");
        /** Makes a question event about as long as Convene's (author, timestamps, state). */
        private static final String PADDING = "x".repeat(120);

        private final SimpMessagingTemplate messaging;
        private final BareStompBroker broker;
        private final AtomicLong seq = new AtomicLong();

        Rebroadcaster(SimpMessagingTemplate messaging, BareStompBroker broker) {
            this.messaging = messaging;
            this.broker = broker;
        }

        void rebroadcast(Message<?> message) {
            String body = new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
            Matcher text = TEXT.matcher(body);
            Matcher vote = VOTE.matcher(body);
            // one at a time, so seq order is publish order (the broker keeps publish order per subscriber)
            synchronized (this) {
                long n = seq.incrementAndGet();
                String event;
                if (text.find()) {
                    event = "{\"seq\":" + n + ",\"type\":\"question.created\",\"question\":{\"id\":" + n + ",\"text\":\""
                            + text.group(1) + "\",\"state\":\"APPROVED\",\"padding\":\"" + PADDING + "\"},\"votes\":null}";
                } else {
                    event = "{\"seq\":" + n + ",\"type\":\"votes.changed\",\"question\":null,\"votes\":{\""
                            + (vote.find() ? vote.group(1) : "0") + "\":1}}";
                }
                String json = "{\"sessionId\":0,\"events\":[" + event + "]}";
                StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
                headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
                headers.setLeaveMutable(true);
                messaging.send("/topic/bench", MessageBuilder.createMessage(json.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders()));
            }
            StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
            if (accessor.getReceipt() != null) {
                broker.receipt(accessor);
            }
        }
    }
}
