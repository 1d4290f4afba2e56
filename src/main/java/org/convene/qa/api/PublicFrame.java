package org.convene.qa.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One public-topic frame, built and encoded to UTF-8 once for all subscribers: its JSON body and STOMP headers.
 * Only the {@code subscription} header differs between subscribers, and nearly all clients use the same few
 * subscription ids, so each distinct frame is encoded once and the same bytes go to every connection that uses it.
 * The events are kept as bytes too, so frames merged for a slow reader are joined without encoding anything again.
 */
final class PublicFrame {

    /** What closes the body after the events. */
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final String destination;
    private final long sessionId;
    private final long messageId;
    /** The events as UTF-8 JSON, without the surrounding brackets, so frames can be merged. */
    private final byte[] events;
    /** The whole frame by subscription id; written by the fan-out thread only. */
    private final Map<String, byte[]> encoded = new HashMap<>(4);

    private PublicFrame(String destination, long sessionId, long messageId, byte[] events) {
        this.destination = destination;
        this.sessionId = sessionId;
        this.messageId = messageId;
        this.events = events;
    }

    /** A frame of the session's public question topic. */
    static PublicFrame of(long sessionId, long messageId, String eventsJson) {
        return of(StompDestinations.questionsTopic(sessionId), sessionId, messageId, eventsJson);
    }

    /** @param eventsJson the events as JSON objects separated by commas, without the surrounding brackets */
    static PublicFrame of(String destination, long sessionId, long messageId, String eventsJson) {
        return new PublicFrame(destination, sessionId, messageId, eventsJson.getBytes(StandardCharsets.UTF_8));
    }

    String destination() {
        return destination;
    }

    long sessionId() {
        return sessionId;
    }

    long messageId() {
        return messageId;
    }

    /** How many bytes the events take: what merging adds up against its limit. */
    int eventsLength() {
        return events.length;
    }

    /**
     * The frame for one subscription as UTF-8, the same array for every caller with that subscription id (never
     * change it). Called from the fan-out thread only (the map is not thread-safe).
     */
    byte[] encoded(String subscriptionId) {
        return encoded.computeIfAbsent(subscriptionId, id -> frame(id, List.of(this)));
    }

    /** One frame carrying the events of several, in order (a slow connection catching up), as UTF-8. */
    static byte[] merged(List<PublicFrame> frames, String subscriptionId) {
        return frames.getLast().frame(subscriptionId, frames);
    }

    /** This frame's destination, session and message id, with the events of {@code frames} in order. */
    private byte[] frame(String subscriptionId, List<PublicFrame> frames) {
        byte[] head = ("{\"sessionId\":" + sessionId + ",\"events\":[").getBytes(StandardCharsets.UTF_8);
        int body = head.length + TAIL.length + frames.size() - 1;
        for (PublicFrame f : frames) {
            body += f.events.length;
        }
        byte[] headers = ("MESSAGE\ndestination:" + destination
                + "\ncontent-type:application/json\ncontent-length:" + body
                + "\nmessage-id:" + messageId
                + "\nsubscription:" + escape(subscriptionId)
                + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[headers.length + body + 1];
        int at = put(out, 0, headers);
        at = put(out, at, head);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, frames.get(i).events);
        }
        at = put(out, at, TAIL);
        out[at] = 0; // STOMP's end of frame
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    /** STOMP 1.2 header escaping: a client chooses its subscription ids. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
    }
}
