package org.convene.qa.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A STOMP client that writes frames by hand, as a hostile or careless client would: missing headers, odd
 * destinations and bodies that a well-behaved library never sends.
 */
final class RawStompClient implements AutoCloseable {

    /** One frame from the server: its command, headers (first value wins) and body. */
    record Frame(String command, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    /** Completes with the WebSocket close code when the server closes the connection. */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private RawStompClient(WebSocket.Builder builder, URI uri) throws Exception {
        this.socket = builder.subprotocols("v12.stomp").buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** One client for every connection: a test may open dozens. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RawStompClient open(int port) throws Exception {
        return new RawStompClient(HTTP.newWebSocketBuilder(), URI.create("ws://localhost:" + port + "/ws"));
    }

    /** Opens a connection and sends CONNECT (with a token when one is given), waiting for CONNECTED. */
    static RawStompClient connect(int port, String token) throws Exception {
        RawStompClient client = open(port);
        client.send("CONNECT\naccept-version:1.2\nhost:localhost\n"
                + (token == null ? "" : "Authorization:Bearer " + token + "\n") + "\n");
        Frame connected = client.next(Duration.ofSeconds(5));
        if (connected == null || !connected.command().equals("CONNECTED")) {
            throw new AssertionError("Expected CONNECTED, got " + connected);
        }
        return client;
    }

    /** Sends one frame as written; the NUL that ends a frame is added here. */
    void send(String frameWithoutNul) {
        socket.sendText(frameWithoutNul + "\0", true).join();
    }

    Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame that is not a heartbeat, or null. */
    Frame nextOf(String command, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Frame frame = frames.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (frame != null && frame.command().equals(command)) {
                return frame;
            }
        }
        return null;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                parse(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        private void parse(String message) {
            String frame = message.endsWith("\0") ? message.substring(0, message.length() - 1) : message;
            if (frame.isBlank()) {
                return; // heartbeat
            }
            int headersEnd = frame.indexOf("\n\n");
            String head = headersEnd < 0 ? frame : frame.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : frame.substring(headersEnd + 2);
            String[] lines = head.split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
                }
            }
            frames.add(new Frame(lines[0].strip(), headers, body));
        }
    }
}
