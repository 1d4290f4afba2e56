package org.convene.core.live;

import java.util.regex.Pattern;

/**
 * Tells every node (this one included) that something changed, once the current transaction commits; nothing is
 * heard of a change that rolls back. A notice is a hint, not the data: listeners read what changed from the
 * database, so a notice lost while a node's connection was down costs only freshness ({@link Listener#missed()}
 * then asks them to re-read everything they show).
 * <p>
 * Call {@link #publish} inside the transaction that makes the change. {@link #listen} registers for the
 * application's lifetime, usually from a bean's constructor.
 */
public interface LiveNotices {

    /** PostgreSQL identifiers: lower-case, so LISTEN and NOTIFY name the same channel, and at most 63 bytes. */
    Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** PostgreSQL refuses payloads of 8,000 bytes or more; a notice carries ids, never content. */
    int MAX_PAYLOAD = 200;

    void publish(String channel, String payload);

    void listen(String channel, Listener listener);

    /**
     * Called on the notice thread, one notice at a time: return quickly (hand real work to an executor), and do not
     * throw (a failure is logged and the next notice still arrives).
     */
    interface Listener {
        void notice(String payload);

        /** The connection was lost and is back: notices may have been missed in between. */
        default void missed() {
        }
    }

    static String checkedChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }

    static String checkedPayload(String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A notice carries ids, at most " + MAX_PAYLOAD + " characters");
        }
        return payload;
    }
}
