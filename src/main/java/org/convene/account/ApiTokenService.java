package org.convene.account;

import org.convene.core.InvalidInputException;
import org.convene.core.TextRule;
import org.convene.core.security.SecretTokens;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal access tokens: what scripts, stage displays and bots use instead of a password. A token acts as
 * its owner with the owner's current roles, until the owner revokes it.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "cvn_";
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenQueries tokens;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokenService(ApiTokenQueries tokens, CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** A presented token that is live: which one it is (to close its connections when revoked) and its owner. */
    public record AuthenticatedToken(long tokenId, ConveneUser owner) {
    }

    /** Makes a token for me. The secret in the result is shown once and never stored. */
    public NewApiToken create(@Nullable String name) {
        ConveneUser user = currentUser.require();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("Give the token a name, so you can tell it apart later (for example “Stage display”).");
        }
        if (clean.length() > AccountLimits.TOKEN_NAME_MAX) {
            throw new InvalidInputException("The name can be at most " + AccountLimits.TOKEN_NAME_MAX + " characters.");
        }
        TextRule.problem("The name", clean, TextRule.Lines.ONE).ifPresent(message -> {
            throw new InvalidInputException(message);
        });
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.insert(user.id(), clean, hash(secret), clock.instant());
        log.info("API token {} created for user {}", token.id(), user.id());
        return new NewApiToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.activeOf(currentUser.require().id());
    }

    public void revoke(long tokenId) {
        long userId = currentUser.require().id();
        if (!tokens.revoke(userId, tokenId, clock.instant())) {
            throw new InvalidInputException("That token does not exist or was already revoked.");
        }
        log.info("API token {} revoked by user {}", tokenId, userId);
        events.publishEvent(new ApiTokenRevoked(tokenId, userId));
    }

    /** Who a bearer token belongs to, or empty for an unknown or revoked token. */
    public Optional<ConveneUser> authenticate(String secret) {
        return authenticateToken(secret).map(AuthenticatedToken::owner);
    }

    /** The live token a secret names, with its owner's current roles; empty for an unknown or revoked token. */
    public Optional<AuthenticatedToken> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > SecretTokens.PRESENTED_MAX_LENGTH) {
            return Optional.empty();
        }
        return tokens.holderOf(hash(secret), clock.instant());
    }

    /**
     * The owner of a token still live, with their roles as they are now; empty once it is revoked. For connections
     * that checked the token when they opened and must not outlive it.
     */
    @Transactional(readOnly = true)
    public Optional<ConveneUser> liveOwner(long tokenId) {
        return tokens.liveOwner(tokenId);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
