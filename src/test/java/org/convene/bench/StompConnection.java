package org.convene.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A minimal STOMP 1.2 client on the JDK's WebSocket: what a light stage display or bot would be. */
abstract class StompConnection implements WebSocket.Listener {

    WebSocket socket;
    private final StringBuilder buffer = new StringBuilder();

    CompletableFuture<WebSocket> connect(HttpClient http, String wsUrl, String token) {
        // the JDK's WebSocket allows one send in flight: each send waits for the one before
        return http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), this).thenCompose(ws -> {
            socket = ws;
            return ws.sendText(connectFrame(token), true);
        });
    }

    /** A STOMP 1.2 CONNECT without heart-beats, with the access token when there is one. */
    static String connectFrame(String token) {
        return "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n"
                + (token == null ? "" : "Authorization:Bearer " + token + "\n") + "\n\0";
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
            // String.indexOf is vectorised; a charAt loop over the builder was an eighth of the generator's CPU
            String message = buffer.toString();
            buffer.setLength(0);
            int start = 0;
            for (int end = message.indexOf('\0'); end >= 0; end = message.indexOf('\0', start)) {
                frame(message.substring(start, end));
                start = end + 1;
            }
            buffer.append(message, start, message.length());
        }
        webSocket.request(1);
        return null;
    }

    abstract void frame(String frame);

    void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    static long number(String s, int from) {
        long value = 0;
        for (int i = from; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
