package org.convene.qa.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One public-topic frame, built once for all subscribers: its JSON body and STOMP headers. Only the
 * {@code subscription} header differs between subscribers, and nearly all clients use the same few subscription
 * ids, so each distinct frame text is made once and the same String goes to every connection that uses it.
 *
 * @param eventsJson the events as JSON, without the surrounding brackets, so frames can be merged
 */
record PublicFrame(String destination, long sessionId, long messageId, String eventsJson, int eventsBytes,
                   Map<String, String> texts) {

    /** A frame of the session's public question topic. */
    static PublicFrame of(long sessionId, long messageId, String eventsJson) {
        return of(StompDestinations.questionsTopic(sessionId), sessionId, messageId, eventsJson);
    }

    static PublicFrame of(String destination, long sessionId, long messageId, String eventsJson) {
        return new PublicFrame(destination, sessionId, messageId, eventsJson,
                eventsJson.getBytes(StandardCharsets.UTF_8).length, new HashMap<>(4));
    }

    /** The frame for one subscription id. Called from the fan-out thread only (the map is not thread-safe). */
    String text(String subscriptionId) {
        return texts.computeIfAbsent(subscriptionId, id -> frame(destination, sessionId, messageId, id, List.of(this)));
    }

    /** One frame carrying the events of several, in order (a slow connection catching up). */
    static String merged(List<OutboundConnection.Delivery> deliveries, String subscriptionId) {
        PublicFrame last = deliveries.getLast().frame();
        return frame(last.destination, last.sessionId, last.messageId, subscriptionId, deliveries.stream().map(OutboundConnection.Delivery::frame).toList());
    }

    private static String frame(String destination, long sessionId, long messageId, String subscriptionId,
                                List<PublicFrame> frames) {
        String prefix = "{\"sessionId\":" + sessionId + ",\"events\":[";
        String suffix = "]}";
        int bytes = prefix.length() + suffix.length() + frames.size() - 1;
        int chars = prefix.length() + suffix.length() + frames.size() - 1;
        for (PublicFrame f : frames) {
            bytes += f.eventsBytes;
            chars += f.eventsJson.length();
        }
        StringBuilder out = new StringBuilder(chars + 200)
                .append("MESSAGE\ndestination:").append(destination)
                .append("\ncontent-type:application/json\ncontent-length:").append(bytes)
                .append("\nmessage-id:").append(messageId)
                .append("\nsubscription:").append(escape(subscriptionId))
                .append("\n\n").append(prefix);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(frames.get(i).eventsJson);
        }
        return out.append(suffix).append('\0').toString();
    }

    /** STOMP 1.2 header escaping: a client chooses its subscription ids. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
    }
}
