package org.convene.account;

import org.convene.core.security.SecretTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one-time links account email carries (table account_link): a random token in the link, only its SHA-256
 * kept, as for API tokens and host invitations. Each works once, until it expires.
 */
public final class AccountLink {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link does, and how long it works. */
    public enum Kind {
        /** Proves a new account's address is its owner's. A week: people do not always read email at once. */
        CONFIRM_ADDRESS(Duration.ofDays(7)),
        /** Lets someone who forgot their password choose a new one. Short, because whoever has it gets in. */
        RESET_PASSWORD(Duration.ofMinutes(30)),
        /** Moves an account to a new address once that address proves it is the owner's. */
        CHANGE_ADDRESS(Duration.ofDays(1));

        private final Duration validFor;

        Kind(Duration validFor) {
            this.validFor = validFor;
        }

        public Duration validFor() {
            return validFor;
        }
    }

    private AccountLink() {
    }

    /** 32 random bytes, URL-safe: 43 characters that fit in a path segment. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Worth looking up: not empty and not so long that hashing it is the point. */
    static boolean plausible(String token) {
        return !token.isBlank() && token.length() <= SecretTokens.PRESENTED_MAX_LENGTH;
    }

    /** Lifetimes in words for messages and pages ("30 minutes", "7 days", "24 hours"). */
    static String inWords(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 2) {
            return duration.toHours() + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
