package org.convene.qa.api;

import org.convene.qa.QaExecutors;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import jakarta.websocket.server.ServerContainer;
import org.springframework.web.context.ServletContextAware;

/** The public STOMP 1.2 API on a plain WebSocket at /ws (docs/api.md). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(StompProperties.class)
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    /**
     * Per-connection WebSocket buffers sized for Q&A frames rather than Tomcat's 8 KiB defaults: thousands of idle
     * subscribers each hold these. A client frame is at most a 500-character question plus STOMP headers.
     */
    @Bean
    ServletContextAware webSocketBuffers() {
        // only where a real WebSocket container runs (not in mock-servlet tests)
        return servletContext -> {
            if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
                container.setDefaultMaxTextMessageBufferSize(4096);
                container.setDefaultMaxBinaryMessageBufferSize(1024);
            }
        };
    }

    /**
     * Tomcat's per-connection buffers, which every idle subscriber holds, sized for Q&A traffic (measured with a
     * heap histogram of idle subscribers, docs/benchmarks.md): the socket's read and write buffers (8 KiB each by
     * default) and the WebSocket frame input, output and UTF-8 encoder buffers (Tomcat's DEFAULT_BUFFER_SIZE, 8 KiB
     * each). Larger frames still work, sent in several pieces (PublicTopicFanoutTest sends frames twice the size).
     * The WebSocket one is a JVM-wide system property read once, when Tomcat's WebSocket classes load, so it is set
     * before the server starts, and only if the deployment has not chosen a value.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallConnectionBuffers() {
        return factory -> {
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, Integer.toString(CONNECTION_BUFFER_BYTES));
            }
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", Integer.toString(CONNECTION_BUFFER_BYTES));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(CONNECTION_BUFFER_BYTES));
            });
        };
    }

    private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    private static final int CONNECTION_BUFFER_BYTES = 2048;

    private final StompAuthorisation authorisation;
    private final ModerationGuard moderationGuard;
    private final PublicTopicFanout publicTopics;
    private final FrameSyntaxCheck frameSyntax;

    StompConfiguration(StompAuthorisation authorisation, ModerationGuard moderationGuard, PublicTopicFanout publicTopics,
                       FrameSyntaxCheck frameSyntax) {
        this.authorisation = authorisation;
        this.moderationGuard = moderationGuard;
        this.publicTopics = publicTopics;
        this.frameSyntax = frameSyntax;
    }

    /**
     * Spring's own default, made explicit: the broker, its channels and the WebSocket handler stop after the Q&A
     * pools that write to them (see QaExecutors).
     */
    @Override
    public Integer getPhase() {
        return QaExecutors.STOMP_PHASE;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Any origin: the API authenticates with bearer tokens in CONNECT, never with cookies.
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*").addInterceptors(new ClientAddressHandshake());
        // one client's frames are handled in the order it sent them (questions sent in a burst keep their order)
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorisation);
        registration.taskExecutor(InboundPriority.executor());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(moderationGuard);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // Q&A frames are small: a question is at most 500 characters.
        registration.setMessageSizeLimit(16 * 1024);
        // A client that cannot keep up is disconnected rather than buffered without end; it reloads the snapshot.
        registration.setSendBufferSizeLimit(256 * 1024);
        registration.setSendTimeLimit(10_000);
        // inside the fan-out's decorator: by the time a frame is read, the connection is wrapped for writing
        registration.addDecoratorFactory(frameSyntax);
        registration.addDecoratorFactory(publicTopics);
    }
}
