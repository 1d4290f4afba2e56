package org.convene.account;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A personal access token as its owner sees it in a list: never the secret itself. */
public record ApiToken(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {
}
