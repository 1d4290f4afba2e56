package org.convene.qa.api;

import org.convene.account.ApiTokenRevoked;
import org.convene.account.ApiTokenService;
import org.convene.core.live.LiveNotices;
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
 * Keeps a connection from outliving its credentials. The database tells every node when a token is revoked or a
 * person's roles or account change (V27's triggers, on the {@value #CHANNEL} channel): a revoked token's connections
 * close at once on every node, and a changed person's connections read their roles again at their next action.
 * Otherwise a connection's token and roles are trusted for {@code convene.stomp.credentials-check-interval}, a
 * backstop for a node that missed a notice, because reading them again on every SEND would cost a busy room a
 * quarter of its CPU. A moderation subscription ends when its holder may no longer moderate (checked every
 * {@code convene.stomp.moderation-check-interval}).
 */
@Component
class StompCredentials {

    private static final Logger log = LoggerFactory.getLogger(StompCredentials.class);

    private final ApiTokenService tokens;
    private final QaService qa;
    private final StompConnections connections;
    private final StompReceipts receipts;

    /** Written by V27__credential_notices.sql's triggers. */
    static final String CHANNEL = "convene_credentials";

    StompCredentials(ApiTokenService tokens, QaService qa, StompConnections connections, StompReceipts receipts,
                     LiveNotices notices) {
        this.tokens = tokens;
        this.qa = qa;
        this.connections = connections;
        this.receipts = receipts;
        notices.listen(CHANNEL, new LiveNotices.Listener() {
            @Override
            public void notice(String payload) {
                changed(payload);
            }

            @Override
            public void missed() {
                connections.all().forEach(StompConnections.Connection::expireCredentials);
            }
        });
    }

    /** 't' and a token id: revoked or deleted; 'u' and a user id: roles, name, address or the account changed. */
    private void changed(String payload) {
        if (payload.length() < 2) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(payload.substring(1));
        } catch (NumberFormatException e) {
            return;
        }
        if (payload.charAt(0) == 't') {
            connections.withToken(id).forEach(this::close);
        } else if (payload.charAt(0) == 'u') {
            connections.all().stream().filter(c -> c.actsFor(id)).forEach(StompConnections.Connection::expireCredentials);
        }
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
        connections.withToken(event.tokenId()).forEach(this::close);
    }

    /** Once per connection: the revoking node hears both its own event and the database's notice. */
    private void close(StompConnections.Connection connection) {
        if (connection.revoke()) {
            log.debug("Closing STOMP connection {}: its token was revoked", connection.id);
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
