package org.convene.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The STOMP clients of the fault script ({@link QaFaults}): publishers that ask or vote with a RECEIPT each, and
 * subscribers that follow the public topic as docs/api.md tells clients to (snapshot, then events by {@code seq},
 * the snapshot again after a gap). Both reconnect on their own, once a second, when their node goes away.
 */
final class FaultClients {

    private FaultClients() {
    }

    /** A STOMP connection to one node that comes back by itself after its node or its socket went away. */
    abstract static class Reconnecting extends StompConnection {
        final HttpClient http;
        final int port;
        final String token;
        volatile boolean connected;
        final AtomicLong reconnects = new AtomicLong();

        Reconnecting(HttpClient http, int port, String token) {
            this.http = http;
            this.port = port;
            this.token = token;
        }

        /** Called once a second by the script: connects if not connected. */
        void keepConnected() {
            if (connected) {
                return;
            }
            try {
                connect(http, "ws://127.0.0.1:" + port + "/ws", token).get(10, TimeUnit.SECONDS);
                connected = true;
                afterConnect();
            } catch (Exception e) {
                lost();
            }
        }

        abstract void afterConnect() throws Exception;

        void lost() {
            if (connected) {
                reconnects.incrementAndGet();
            }
            connected = false;
            close();
        }

        void sendFrame(String frame) {
            try {
                socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                lost();
                throw new IllegalStateException("not sent", e);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost();
        }
    }

    /** Asks or votes; {@code acknowledged} hears each receipt id, {@code refused} each ERROR or error message. */
    static final class Publisher extends Reconnecting {
        private final Consumer<String> acknowledged;
        private final Runnable refused;

        Publisher(HttpClient http, int port, String token, Consumer<String> acknowledged, Runnable refused) {
            super(http, port, token);
            this.acknowledged = acknowledged;
            this.refused = refused;
        }

        @Override
        void afterConnect() {
            sendFrame("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\0");
        }

        /** True when the frame left; a frame that could not leave was not sent. */
        synchronized boolean send(String destination, String json, String receipt) {
            if (!connected) {
                return false;
            }
            try {
                sendFrame("SEND\ndestination:" + destination + "\ncontent-type:application/json\nreceipt:" + receipt
                        + "\n\n" + json + "\0");
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }

        @Override
        void frame(String frame) {
            if (frame.startsWith("RECEIPT")) {
                acknowledged.accept(header(frame, "receipt-id"));
            } else if (frame.startsWith("MESSAGE") || frame.startsWith("ERROR")) {
                refused.run();
            }
        }
    }

    /** What a subscriber shows: question id to vote count, consistent with {@code seq}. */
    static final class Subscriber extends Reconnecting {
        private final long sessionId;
        final String name;
        private long seq = -1;
        /** The highest seq this subscription received live; a live event at or below it is a duplicate. */
        private long liveMax = -1;
        private final Map<Long, Integer> view = new HashMap<>();
        private final List<JsonNode> early = new ArrayList<>();
        final AtomicLong snapshotLoads = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong events = new AtomicLong();

        Subscriber(HttpClient http, int port, long sessionId, String name) {
            super(http, port, null);
            this.sessionId = sessionId;
            this.name = name;
        }

        @Override
        synchronized void afterConnect() {
            seq = -1;
            liveMax = -1;
            early.clear();
            sendFrame("SUBSCRIBE\nid:q\ndestination:/topic/sessions." + sessionId + ".questions\nreceipt:live\n\n\0");
        }

        @Override
        void frame(String frame) {
            if (frame.startsWith("RECEIPT")) {
                // the subscription is live: what the snapshot lacks will arrive as events (not on the socket's thread)
                Thread.ofVirtual().start(this::reload);
            } else if (frame.startsWith("MESSAGE")) {
                JsonNode body = JsonMapper.shared().readTree(frame.substring(frame.indexOf("\n\n") + 2));
                synchronized (this) {
                    for (JsonNode event : body.path("events")) {
                        if (seq < 0) {
                            early.add(event);
                        } else {
                            apply(event);
                        }
                    }
                }
            }
        }

        /** Loads the snapshot from this subscriber's node, then the events that came meanwhile. */
        void reload() {
            try {
                JsonNode snapshot = JsonMapper.shared().readTree(http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/sessions/" + sessionId + "/questions")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                synchronized (this) {
                    snapshotLoads.incrementAndGet();
                    view.clear();
                    view.putAll(QaFaults.votes(snapshot));
                    seq = snapshot.path("seq").asLong();
                    List<JsonNode> waiting = new ArrayList<>(early);
                    early.clear();
                    waiting.forEach(this::apply);
                }
            } catch (Exception e) {
                lost();
            }
        }

        private void apply(JsonNode event) {
            long s = event.path("seq").asLong();
            if (s <= liveMax) {
                duplicates.incrementAndGet();
                return;
            }
            liveMax = s;
            if (s <= seq) {
                return; // already in the snapshot
            }
            if (s != seq + 1) {
                gaps.incrementAndGet();
                seq = -1;
                Thread.ofVirtual().start(this::reload);
                return;
            }
            seq = s;
            events.incrementAndGet();
            String type = event.path("type").asString("");
            JsonNode question = event.path("question");
            switch (type) {
                case "question.created", "question.updated" -> view.put(question.path("id").asLong(),
                        question.path("votes").asInt());
                case "question.removed" -> view.remove(question.path("id").asLong());
                case "votes.changed" -> event.path("votes").properties().forEach(e ->
                        view.computeIfPresent(Long.parseLong(e.getKey()), (id, old) -> e.getValue().asInt()));
                default -> {
                }
            }
        }

        /** A copy of the view, or null while it is not in step with the topic (not connected, or reloading). */
        synchronized Map<Long, Integer> view() {
            return connected && seq >= 0 ? Map.copyOf(view) : null;
        }
    }

    static String header(String frame, String name) {
        int at = frame.indexOf(name + ":");
        if (at < 0) {
            return "";
        }
        int end = frame.indexOf('\n', at);
        return frame.substring(at + name.length() + 1, end < 0 ? frame.length() : end).trim();
    }
}
