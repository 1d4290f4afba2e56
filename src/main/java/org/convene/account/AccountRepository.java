package org.convene.account;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.USER_ROLE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
class AccountRepository {

    private static final Field<Set<Role>> ROLES = multiset(
            select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
            .convertFrom(AccountRepository::roles);

    private static final Field<Boolean> CONFIRMED = DSL.field(APP_USER.EMAIL_CONFIRMED_AT.isNotNull());

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    private static Set<Role> roles(Result<Record1<Role>> rows) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(row -> roles.add(row.value1()));
        return roles;
    }

    boolean emailTaken(String normalisedEmail) {
        return db.fetchExists(APP_USER, APP_USER.EMAIL.eq(normalisedEmail));
    }

    boolean anyUsers() {
        return db.fetchExists(APP_USER);
    }

    /**
     * Adds an account, or returns empty when the email is already taken. The unique index decides, so
     * two people signing up with one address at the same moment cannot both succeed.
     */
    Optional<Long> insert(String displayName, String normalisedEmail, String passwordHash, Instant now,
                          @Nullable Instant emailConfirmedAt) {
        return db.insertInto(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, normalisedEmail)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.EMAIL_CONFIRMED_AT, emailConfirmedAt)
                .onConflict(APP_USER.EMAIL).doNothing()
                .returning(APP_USER.ID)
                .fetchOptional(APP_USER.ID);
    }

    /** True when the role was newly given. */
    boolean addRole(long userId, Role role, Instant now) {
        return db.insertInto(USER_ROLE)
                .set(USER_ROLE.USER_ID, userId)
                .set(USER_ROLE.ROLE, role)
                .set(USER_ROLE.GRANTED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** True when the person had the role. */
    boolean removeRole(long userId, Role role) {
        return db.deleteFrom(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId), USER_ROLE.ROLE.eq(role))
                .execute() == 1;
    }

    /**
     * The ids of everyone who is an organiser, with their organiser rows locked until the transaction
     * ends, so two organisers removing themselves at once cannot both see the other one still there.
     */
    List<Long> lockOrganisers() {
        return db.select(USER_ROLE.USER_ID).from(USER_ROLE)
                .where(USER_ROLE.ROLE.eq(Role.ORGANISER))
                .forUpdate()
                .fetch(USER_ROLE.USER_ID);
    }

    Set<Role> rolesOf(long userId) {
        return roles(db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).fetch());
    }

    /** The account behind a log-in, hash included; only the log-in code and the password change use it. */
    Optional<ConveneUser> findForLogin(String normalisedEmail) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, ROLES)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq(normalisedEmail))
                .fetchOptional(mapping(ConveneUser::new));
    }

    Optional<ConveneUser> findForLogin(long userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, ROLES)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(ConveneUser::new));
    }

    /**
     * Stores a new hash and bumps the version, so anything holding the old version can tell it is stale
     * (signed-in sessions, see AccountSessions). Returns the new version.
     */
    int updatePassword(long userId, String passwordHash) {
        return db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .returning(APP_USER.VERSION)
                .fetchSingle(APP_USER.VERSION);
    }

    Optional<Integer> version(String normalisedEmail) {
        return db.select(APP_USER.VERSION).from(APP_USER).where(APP_USER.EMAIL.eq(normalisedEmail))
                .fetchOptional(APP_USER.VERSION);
    }

    /** What a signed-in session is checked against on each request (StaleSessionFilter). */
    record SignInState(int version, String email, Set<Role> roles) {
    }

    Optional<SignInState> signInState(long userId) {
        return db.select(APP_USER.VERSION, APP_USER.EMAIL, ROLES).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(SignInState::new));
    }

    /** The account's version (bumped by a password change), or empty when the account is gone. */
    Optional<Integer> version(long userId) {
        return db.select(APP_USER.VERSION).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.VERSION);
    }

    Optional<UserSummary> summary(long userId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.CREATED_AT, ROLES, CONFIRMED)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(AccountRepository::toSummary));
    }

    List<UserSummary> page(String filter, UserSort sort, boolean ascending, int offset, int limit) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.CREATED_AT, ROLES, CONFIRMED)
                .from(APP_USER)
                .where(matching(filter))
                .orderBy(order(sort, ascending), ascending ? APP_USER.ID.asc() : APP_USER.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(mapping(AccountRepository::toSummary));
    }

    int count(String filter) {
        return db.fetchCount(APP_USER, matching(filter));
    }

    private static UserSummary toSummary(Long id, String name, String email, Instant created, Set<Role> roles,
                                         Boolean confirmed) {
        return new UserSummary(id, name, email, created, roles, confirmed);
    }

    // --- the address and whether it is confirmed (account email, AccountLink) ----------------------------

    /** Who a message about the account goes to. */
    record Recipient(long id, String email, String displayName, boolean confirmed) {
    }

    Optional<Recipient> recipient(long userId) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, CONFIRMED)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(mapping(Recipient::new));
    }

    Optional<Recipient> recipient(String normalisedEmail) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, CONFIRMED)
                .from(APP_USER).where(APP_USER.EMAIL.eq(normalisedEmail))
                .fetchOptional(mapping(Recipient::new));
    }

    boolean emailConfirmed(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId), APP_USER.EMAIL_CONFIRMED_AT.isNotNull());
    }

    /** Marks the address confirmed; an earlier confirmation keeps its time. */
    void confirmEmail(long userId, Instant now) {
        db.update(APP_USER)
                .set(APP_USER.EMAIL_CONFIRMED_AT, DSL.coalesce(APP_USER.EMAIL_CONFIRMED_AT, now))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /**
     * Moves the account to a new address, confirmed now. False when another account has the address: checked in
     * the same statement, and the unique index stops the rare pair that both pass the check at once.
     */
    boolean changeEmail(long userId, String normalisedEmail, Instant now) {
        var other = APP_USER.as("other");
        return db.update(APP_USER)
                .set(APP_USER.EMAIL, normalisedEmail)
                .set(APP_USER.EMAIL_CONFIRMED_AT, now)
                .where(APP_USER.ID.eq(userId))
                .andNotExists(DSL.selectOne().from(other).where(other.EMAIL.eq(normalisedEmail)))
                .execute() == 1;
    }

    /** containsIgnoreCase escapes % and _, so a search for "a_b" finds exactly that. */
    private static Condition matching(String filter) {
        if (filter == null || filter.isBlank()) {
            return DSL.noCondition();
        }
        String text = filter.trim();
        return APP_USER.DISPLAY_NAME.containsIgnoreCase(text).or(APP_USER.EMAIL.containsIgnoreCase(text));
    }

    private static SortField<?> order(UserSort sort, boolean ascending) {
        Field<?> field = switch (sort) {
            case NAME -> DSL.lower(APP_USER.DISPLAY_NAME);
            case EMAIL -> APP_USER.EMAIL;
            case CREATED -> APP_USER.CREATED_AT;
        };
        return ascending ? field.asc() : field.desc();
    }
}
