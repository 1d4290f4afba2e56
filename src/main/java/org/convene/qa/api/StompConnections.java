package org.convene.qa.api;

import org.convene.core.ClockTimeMeter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.convene.core.security.ConveneUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open STOMP connections of this node as the API's rules see them: who signed in with which token, from which
 * address, what they subscribed to, and how many frames they have left. Entries go when the connection closes.
 */
@Component
class StompConnections {

    private final StompProperties limits;
    private final Clock clock;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> anonymousByAddress = new ConcurrentHashMap<>();

    StompConnections(StompProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** One connection's state. Frames of one connection are handled in order, but checks may run on other threads. */
    final class Connection {
        final String id;
        final String clientAddress;
        private final Bucket frames;
        private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
        /** Moderation subscription id -> Q&A session id. */
        private final Map<String, Long> moderation = new ConcurrentHashMap<>();
        /** Q&A session id -> when the right to moderate it was last confirmed. */
        private final Map<Long, Instant> moderationCheckedAt = new ConcurrentHashMap<>();
        private volatile @Nullable Long tokenId;
        private volatile @Nullable UsernamePasswordAuthenticationToken principal;
        private volatile Instant checkedAt = Instant.EPOCH;
        private volatile boolean anonymousCounted;
        private boolean revoked;
        private volatile @Nullable String errorsSubscription;

        private Connection(String id, String clientAddress) {
            this.id = id;
            this.clientAddress = clientAddress;
            this.frames = Bucket.builder()
                    .withCustomTimePrecision(new ClockTimeMeter(clock))
                    .addLimit(Bandwidth.builder().capacity(limits.framesPerWindow())
                            .refillGreedy(limits.framesPerWindow(), limits.window()).build())
                    .build();
        }

        @Nullable Long tokenId() {
            return tokenId;
        }

        @Nullable UsernamePasswordAuthenticationToken principal() {
            return principal;
        }

        boolean signedIn() {
            return tokenId != null;
        }

        /** Whether the token and roles were checked recently enough to be trusted without asking the database. */
        boolean credentialsFresh() {
            return clock.instant().isBefore(checkedAt.plus(limits.checkInterval()));
        }

        void signIn(long token, ConveneUser user) {
            tokenId = token;
            refresh(user);
        }

        /** Makes the next action read the token and roles from the database again. */
        void expireCredentials() {
            checkedAt = Instant.EPOCH;
            moderationCheckedAt.clear();
        }

        /** Marks the token revoked for this connection; true only the first time. */
        boolean revoke() {
            expireCredentials();
            synchronized (this) {
                boolean first = !revoked;
                revoked = true;
                return first;
            }
        }

        boolean actsFor(long userId) {
            UsernamePasswordAuthenticationToken p = principal;
            return p != null && p.getPrincipal() instanceof ConveneUser user && user.id() == userId;
        }

        void refresh(ConveneUser user) {
            principal = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
            checkedAt = clock.instant();
        }

        void spendFrame() {
            if (!frames.tryConsume(1)) {
                throw new StompRefusal(StompRefusal.FRAME_BUDGET_EXCEEDED, "This connection sent more than "
                        + limits.framesPerWindow() + " frames in " + limits.window().toSeconds()
                        + " seconds. Reconnect and send more slowly.");
            }
        }

        /** Counts a subscription, or refuses one over the cap. A repeated id replaces the earlier subscription. */
        void subscribe(String subscriptionId) {
            if (!subscriptions.contains(subscriptionId) && subscriptions.size() >= limits.maxSubscriptionsPerConnection()) {
                throw new StompRefusal(StompRefusal.TOO_MANY_SUBSCRIPTIONS, "A connection may hold at most "
                        + limits.maxSubscriptionsPerConnection() + " subscriptions. Unsubscribe from one first.");
            }
            subscriptions.add(subscriptionId);
            moderation.remove(subscriptionId); // a reused id no longer names what it named before
        }

        void subscribeToErrors(String subscriptionId) {
            errorsSubscription = subscriptionId;
        }

        @Nullable String errorsSubscription() {
            return errorsSubscription;
        }

        void moderating(String subscriptionId, long qaSessionId) {
            moderation.put(subscriptionId, qaSessionId);
            moderationCheckedAt.put(qaSessionId, clock.instant());
        }

        void unsubscribe(String subscriptionId) {
            subscriptions.remove(subscriptionId);
            moderation.remove(subscriptionId);
            if (subscriptionId.equals(errorsSubscription)) {
                errorsSubscription = null;
            }
        }

        /** The Q&A session a moderation subscription watches, or null for any other subscription. */
        @Nullable Long moderatedSession(String subscriptionId) {
            return moderation.get(subscriptionId);
        }

        boolean moderationFresh(long qaSessionId) {
            Instant checked = moderationCheckedAt.get(qaSessionId);
            return checked != null && clock.instant().isBefore(checked.plus(limits.moderationInterval()));
        }

        void moderationConfirmed(long qaSessionId) {
            moderationCheckedAt.put(qaSessionId, clock.instant());
        }

        /** Ends every moderation subscription of the session; returns their ids. */
        List<String> endModeration(long qaSessionId) {
            List<String> ended = moderation.entrySet().stream().filter(e -> e.getValue() == qaSessionId)
                    .map(Map.Entry::getKey).toList();
            ended.forEach(this::unsubscribe);
            moderationCheckedAt.remove(qaSessionId);
            return ended;
        }
    }

    /** The connection a frame came on, registered at its first frame. */
    Connection of(String connectionId, String clientAddress) {
        return connections.computeIfAbsent(connectionId, id -> new Connection(id, clientAddress));
    }

    @Nullable Connection find(String connectionId) {
        return connections.get(connectionId);
    }

    /** Counts an anonymous connection against its address, or refuses it over the cap. */
    void admitAnonymous(Connection connection) {
        if (connection.anonymousCounted) {
            return; // a repeated CONNECT: counted once, so the release when it closes evens it out
        }
        int count = anonymousByAddress.merge(connection.clientAddress, 1, Integer::sum);
        if (count > limits.maxAnonymousConnectionsPerAddress()) {
            release(connection.clientAddress);
            throw new StompRefusal(StompRefusal.TOO_MANY_CONNECTIONS, "There are already "
                    + limits.maxAnonymousConnectionsPerAddress() + " connections without an access token from your"
                    + " address. Close one, or connect with a token.");
        }
        connection.anonymousCounted = true;
    }

    List<Connection> all() {
        return List.copyOf(connections.values());
    }

    /** The connections that signed in with this token. */
    List<Connection> withToken(long tokenId) {
        return connections.values().stream().filter(c -> Long.valueOf(tokenId).equals(c.tokenId())).toList();
    }

    @EventListener
    void closed(SessionDisconnectEvent event) {
        Connection connection = connections.remove(event.getSessionId());
        if (connection != null && connection.anonymousCounted) {
            release(connection.clientAddress);
        }
    }

    private void release(String clientAddress) {
        anonymousByAddress.computeIfPresent(clientAddress, (address, count) -> count <= 1 ? null : count - 1);
    }

}
