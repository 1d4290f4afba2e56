package org.convene.account;

/**
 * A personal access token was revoked (published inside the revoking transaction). Whatever holds a connection
 * opened with the token (the STOMP API) closes it once the revocation is committed.
 */
public record ApiTokenRevoked(long tokenId, long userId) {
}
