package org.convene.qa.api;

/**
 * A feature's own public topic on a session, served by the STOMP API beside the questions: subscribers use
 * {@code /topic/sessions.{id}.{name}} and get frames through the same fan-out as the question topic (built once,
 * written asynchronously, merged for a slow client); senders use {@code SEND /app/sessions.{id}.{name}}, which the
 * feature handles with its own {@code @MessageMapping} controller. A feature registers one by declaring a Spring
 * bean of this type, and publishes with {@link SessionTopics}; the STOMP layer itself does not change.
 * <p>
 * Sending needs a token (refused with {@code NOT_SIGNED_IN} otherwise) and a destination checked here; who may
 * send what is the feature's service's decision, as for the questions.
 */
public interface SessionTopic {

    /** Lower-case letters only, at most 30: the last part of the destinations, such as "captions". */
    String name();

    /**
     * Refuses a subscriber who may not read the session's topic: called as that person (anonymous included), it
     * throws {@link org.springframework.security.access.AccessDeniedException} or
     * {@link org.convene.programme.NoSuchSessionException}, which the client gets as {@code FORBIDDEN} or
     * {@code NOT_FOUND}.
     */
    void checkReader(long sessionId);

    /**
     * Actions on one item of the feature rather than on a session, each opening
     * {@code SEND /app/{name}.{itemId}.{action}} (lower-case letters only, at most 30), such as "answer" for
     * {@code /app/polls.{pollId}.answer}. The feature's controller handles them, and its service checks who may.
     */
    default java.util.Set<String> itemActions() {
        return java.util.Set.of();
    }

    /**
     * A client on this node has just subscribed to the session's topic (after {@link #checkReader}), so a feature
     * that only reads watched sessions can start watching it. Runs on the client's inbound thread: return quickly.
     */
    default void subscribed(long sessionId) {
    }
}
