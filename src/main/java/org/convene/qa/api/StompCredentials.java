package org.convene.qa.api;

import org.convene.account.ApiTokenRevoked;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.qa.QaService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a connection from outliving its credentials: the token and the person's roles are read again when a
 * connection acts after {@code convene.stomp.credentials-check-interval}, a revoked token's connections on this
 * node are closed at once, and a moderation subscription ends when its holder may no longer moderate.
 */
@Component
class StompCredentials {

    private static final Logger log = LoggerFactory.getLogger(StompCredentials.class);

    private final ApiTokenService tokens;
    private final QaService qa;
    private final StompConnections connections;
    private final StompReceipts receipts;

    StompCredentials(ApiTokenService tokens, QaService qa, StompConnections connections, StompReceipts receipts) {
        this.tokens = tokens;
        this.qa = qa;
        this.connections = connections;
        this.receipts = receipts;
    }

    /**
     * The connection's signed-in principal with current roles (null when it has no token), checked against the
     * database when the last check is older than the interval. A revoked token is refused with TOKEN_REVOKED.
     */
    @Nullable UsernamePasswordAuthenticationToken current(StompConnections.Connection connection) {
        Long tokenId = connection.tokenId();
        if (tokenId == null || connection.credentialsFresh()) {
            return connection.principal();
        }
        Optional<ConveneUser> owner = tokens.liveOwner(tokenId);
        if (owner.isEmpty()) {
            throw revokedRefusal();
        }
        connection.refresh(owner.get());
        return connection.principal();
    }

    /** Whether the connection may still receive a moderation frame of the session (checked once per interval). */
    boolean mayStillModerate(StompConnections.Connection connection, long qaSessionId) {
        if (connection.moderationFresh(qaSessionId) && connection.credentialsFresh()) {
            return true;
        }
        UsernamePasswordAuthenticationToken principal = current(connection);
        boolean allowed = principal != null && asUser(principal, () -> qa.canModerate(qaSessionId));
        if (allowed) {
            connection.moderationConfirmed(qaSessionId);
        }
        return allowed;
    }

    static StompRefusal revokedRefusal() {
        return new StompRefusal(StompRefusal.TOKEN_REVOKED,
                "The access token of this connection was revoked. Connect again with a valid token.");
    }

    /** Closes this node's connections that use the token, once its revocation is committed. */
    @TransactionalEventListener
    void closeConnectionsOf(ApiTokenRevoked event) {
        for (StompConnections.Connection connection : connections.withToken(event.tokenId())) {
            log.debug("Closing STOMP connection {}: its token {} was revoked", connection.id, event.tokenId());
            connection.expireCredentials();
            StompRefusal refusal = revokedRefusal();
            receipts.error(connection.id, refusal.code(), refusal.getMessage());
        }
    }

    /** Runs a service call as the connection's person, so the services' own checks apply. */
    static <T> T asUser(@Nullable UsernamePasswordAuthenticationToken principal, Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        try {
            if (principal != null) {
                context.setAuthentication(principal);
            }
            return action.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
