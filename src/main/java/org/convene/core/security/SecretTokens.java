package org.convene.core.security;

/** What the secret tokens in links and headers (calendar feeds, host invitations, API tokens) have in common. */
public final class SecretTokens {

    /**
     * A presented token longer than this is refused before it is hashed or looked up. Every token Convene makes is
     * far shorter (32 random bytes in URL-safe Base64 is 43 characters, plus a prefix for API tokens), so this only
     * stops someone making the server hash megabytes.
     */
    public static final int PRESENTED_MAX_LENGTH = 100;

    private SecretTokens() {
    }
}
