package org.convene.account;

/** A token just made: the secret is here once and never again. */
public record NewApiToken(ApiToken token, String secret) {
}
