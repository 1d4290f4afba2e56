package org.convene.qa.api;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A STOMP 1.2 client as an API user would write one: JSON text frames, receipts, an error queue. */
class StompTestClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    private static final int CLIENT_BUFFER_BYTES = 1024 * 1024;

    final StompSession session;
    final BlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();
    /** The message header of every STOMP ERROR frame the server sent. */
    final List<String> errorFrames;

    private StompTestClient(StompSession session, List<String> errorFrames) {
        this.session = session;
        this.errorFrames = errorFrames;
    }

    static StompTestClient connect(int port, String token) throws Exception {
        // Frames may be large (a slow reader's backlog is merged into one, docs/api.md); Tomcat's client container
        // accepts 8 KiB by default and closes the connection with 1009 on anything larger.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(CLIENT_BUFFER_BYTES);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(CLIENT_BUFFER_BYTES);
        client.setMessageConverter(new CompositeMessageConverter(List.of(new StringMessageConverter(), new JsonText())));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        client.setReceiptTimeLimit(10_000);
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        List<String> errorFrames = new CopyOnWriteArrayList<>();
        StompSession session = client.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        errorFrames.add(String.valueOf(headers.getFirst("message")));
                    }
                }).get(10, TimeUnit.SECONDS);
        StompTestClient testClient = new StompTestClient(session, errorFrames);
        if (token != null) {
            testClient.subscribe("/user/queue/errors", testClient.errors);
        }
        return testClient;
    }

    /** Subscribes and waits for the server's receipt, so nothing published afterwards is missed. */
    BlockingQueue<JsonNode> subscribe(String destination) throws Exception {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        subscribe(destination, frames);
        return frames;
    }

    private void subscribe(String destination, BlockingQueue<JsonNode> into) throws Exception {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("sub-" + RECEIPTS.incrementAndGet());
        var latch = new java.util.concurrent.CountDownLatch(1);
        StompSession.Subscription subscription = session.subscribe(headers, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders h) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders h, Object payload) {
                into.add(JSON.readTree((String) payload));
            }
        });
        subscription.addReceiptTask(latch::countDown);
        if (!latch.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("No receipt for the subscription to " + destination);
        }
    }

    /** Sends JSON with a receipt header; returns whether the receipt came within the timeout. */
    boolean sendAndAwaitReceipt(String destination, String json, Duration timeout) throws InterruptedException {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        headers.setReceipt("send-" + RECEIPTS.incrementAndGet());
        var latch = new java.util.concurrent.CountDownLatch(1);
        session.send(headers, json).addReceiptTask(latch::countDown);
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static JsonNode poll(BlockingQueue<JsonNode> frames, Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** JSON text as it is written, sent as application/json, the way a script would send it. */
    static final class JsonText extends org.springframework.messaging.converter.AbstractMessageConverter {
        JsonText() {
            super(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return String.class == clazz;
        }

        @Override
        protected Object convertFromInternal(org.springframework.messaging.Message<?> message, Class<?> targetClass, Object hint) {
            Object payload = message.getPayload();
            return payload instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : payload.toString();
        }

        @Override
        protected Object convertToInternal(Object payload, org.springframework.messaging.MessageHeaders headers, Object hint) {
            return ((String) payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }
}
