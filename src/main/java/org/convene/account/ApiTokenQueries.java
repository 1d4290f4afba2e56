package org.convene.account;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.API_TOKEN;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.USER_ROLE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
class ApiTokenQueries {

    private final DSLContext db;

    ApiTokenQueries(DSLContext db) {
        this.db = db;
    }

    ApiToken insert(long userId, String name, String tokenHash, Instant now) {
        return db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.CREATED_AT, now)
                .returning(API_TOKEN.ID)
                .fetchSingle(r -> new ApiToken(r.getId(), name, now, null));
    }

    List<ApiToken> activeOf(long userId) {
        return db.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN)
                .where(API_TOKEN.USER_ID.eq(userId), API_TOKEN.REVOKED_AT.isNull())
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(mapping(ApiToken::new));
    }

    boolean revoke(long userId, long tokenId, Instant now) {
        return db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.ID.eq(tokenId), API_TOKEN.USER_ID.eq(userId), API_TOKEN.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** A live token and its owner, with their current roles; marks the token used. */
    Optional<ApiTokenService.AuthenticatedToken> holderOf(String tokenHash, Instant now) {
        return db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash), API_TOKEN.REVOKED_AT.isNull())
                .returning(API_TOKEN.ID, API_TOKEN.USER_ID)
                .fetchOptional()
                .flatMap(token -> user(token.getUserId())
                        .map(owner -> new ApiTokenService.AuthenticatedToken(token.getId(), owner)));
    }

    /** The owner of a token that is not revoked, with their current roles; does not mark it used. */
    Optional<ConveneUser> liveOwner(long tokenId) {
        return db.select(API_TOKEN.USER_ID).from(API_TOKEN)
                .where(API_TOKEN.ID.eq(tokenId), API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(API_TOKEN.USER_ID)
                .flatMap(this::user);
    }

    /**
     * The person a token acts as, without the password hash: the principal lives in the request's security
     * context (and a STOMP connection's) for as long as they last, and a token never needs the password.
     */
    Optional<ConveneUser> user(long userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(x -> x.value1())))
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new ConveneUser(r.value1(), r.value2(), r.value3(), "", roles(r.value4())));
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
