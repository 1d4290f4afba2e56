package org.convene.qa.api;

import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/** How a feature's {@link SessionTopic} reaches its subscribers and answers its senders. */
@Component
public class SessionTopics {

    private final PublicTopicFanout fanout;
    private final StompReceipts receipts;

    SessionTopics(PublicTopicFanout fanout, StompReceipts receipts) {
        this.fanout = fanout;
        this.receipts = receipts;
    }

    /**
     * Sends one frame, {@code {"sessionId": id, "events": [...]}}, to every subscriber of the session's topic.
     * Completes when every subscriber's write has been started or queued: call it from one thread per topic, and
     * frames keep their order.
     *
     * @param eventsJsonArray the events as a JSON array
     */
    public CompletableFuture<Void> publish(String name, long sessionId, String eventsJsonArray) {
        return fanout.publish(StompDestinations.topic(name, sessionId), sessionId, eventsJsonArray);
    }

    /** Whether anyone on this node subscribes to the session's topic (a feature may stop watching it when not). */
    public boolean hasSubscribers(String name, long sessionId) {
        return fanout.hasSubscribers(StompDestinations.topic(name, sessionId));
    }

    /** The RECEIPT a sender asked for, once its SEND is handled and committed. */
    public void receipt(StompHeaderAccessor headers) {
        if (headers.getReceipt() != null) {
            receipts.send(headers);
        }
    }
}
