package org.convene.organising;

import org.convene.programme.HostRef;

import org.convene.db.tables.records.HostInvitationRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_INVITATION;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.jooq.Records.mapping;

/** Coordinators of host organisations and the invitations that make them. */
@Repository
class HostCoordinatorRepository {

    private final DSLContext db;

    HostCoordinatorRepository(DSLContext db) {
        this.db = db;
    }

    Optional<String> hostName(long hostId) {
        return db.select(HOST_ORGANISATION.NAME).from(HOST_ORGANISATION).where(HOST_ORGANISATION.ID.eq(hostId))
                .fetchOptional(HOST_ORGANISATION.NAME);
    }

    boolean isCoordinatorByEmail(long hostId, String email) {
        return db.fetchExists(db.selectOne().from(HOST_COORDINATOR).join(APP_USER)
                .on(APP_USER.ID.eq(HOST_COORDINATOR.USER_ID))
                .where(HOST_COORDINATOR.HOST_ID.eq(hostId), APP_USER.EMAIL.eq(email)));
    }

    /** Earlier open invitations to the same address stop working: only the newest link counts. */
    int revokeOpen(long hostId, String email, Instant now) {
        return db.update(HOST_INVITATION).set(HOST_INVITATION.REVOKED_AT, now)
                .where(HOST_INVITATION.HOST_ID.eq(hostId), HOST_INVITATION.EMAIL.eq(email),
                        HOST_INVITATION.ACCEPTED_AT.isNull(), HOST_INVITATION.REVOKED_AT.isNull())
                .execute();
    }

    long insertInvitation(long hostId, String email, String tokenHash, long invitedBy, Instant now, Instant expires) {
        return db.insertInto(HOST_INVITATION)
                .set(HOST_INVITATION.HOST_ID, hostId)
                .set(HOST_INVITATION.EMAIL, email)
                .set(HOST_INVITATION.TOKEN_HASH, tokenHash)
                .set(HOST_INVITATION.INVITED_BY, invitedBy)
                .set(HOST_INVITATION.CREATED_AT, now)
                .set(HOST_INVITATION.EXPIRES_AT, expires)
                .returning(HOST_INVITATION.ID).fetchSingle(HOST_INVITATION.ID);
    }

    List<HostInvitation> open(long hostId, Instant now) {
        return db.select(HOST_INVITATION.ID, HOST_INVITATION.EMAIL, HOST_INVITATION.CREATED_AT,
                        HOST_INVITATION.EXPIRES_AT)
                .from(HOST_INVITATION)
                .where(HOST_INVITATION.HOST_ID.eq(hostId), HOST_INVITATION.ACCEPTED_AT.isNull(),
                        HOST_INVITATION.REVOKED_AT.isNull())
                .orderBy(HOST_INVITATION.CREATED_AT.desc(), HOST_INVITATION.ID.desc())
                .fetch(mapping((id, email, created, expires) -> new HostInvitation(id, email, created,
                        expires, !expires.isAfter(now))));
    }

    boolean revoke(long invitationId, Instant now) {
        return db.update(HOST_INVITATION).set(HOST_INVITATION.REVOKED_AT, now)
                .where(HOST_INVITATION.ID.eq(invitationId), HOST_INVITATION.ACCEPTED_AT.isNull(),
                        HOST_INVITATION.REVOKED_AT.isNull())
                .execute() == 1;
    }

    Optional<Long> invitationHost(long invitationId) {
        return db.select(HOST_INVITATION.HOST_ID).from(HOST_INVITATION).where(HOST_INVITATION.ID.eq(invitationId))
                .fetchOptional(HOST_INVITATION.HOST_ID);
    }

    /** The invitation behind a token, locked so that it can be accepted only once. */
    Optional<HostInvitationRecord> byTokenForUpdate(String tokenHash) {
        return db.selectFrom(HOST_INVITATION).where(HOST_INVITATION.TOKEN_HASH.eq(tokenHash)).forUpdate()
                .fetchOptional();
    }

    Optional<HostInvitationRecord> byToken(String tokenHash) {
        return db.selectFrom(HOST_INVITATION).where(HOST_INVITATION.TOKEN_HASH.eq(tokenHash)).fetchOptional();
    }

    void markAccepted(long invitationId, long userId, Instant now) {
        db.update(HOST_INVITATION).set(HOST_INVITATION.ACCEPTED_BY, userId)
                .set(HOST_INVITATION.ACCEPTED_AT, now)
                .where(HOST_INVITATION.ID.eq(invitationId)).execute();
    }

    void addCoordinator(long hostId, long userId, Instant now) {
        db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, hostId).set(HOST_COORDINATOR.USER_ID, userId)
                .set(HOST_COORDINATOR.ADDED_AT, now).onConflictDoNothing().execute();
    }

    boolean removeCoordinator(long hostId, long userId) {
        return db.deleteFrom(HOST_COORDINATOR)
                .where(HOST_COORDINATOR.HOST_ID.eq(hostId), HOST_COORDINATOR.USER_ID.eq(userId)).execute() == 1;
    }

    boolean coordinatesAny(long userId) {
        return db.fetchExists(HOST_COORDINATOR, HOST_COORDINATOR.USER_ID.eq(userId));
    }

    List<HostCoordinator> coordinators(long hostId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, HOST_COORDINATOR.ADDED_AT)
                .from(HOST_COORDINATOR).join(APP_USER).on(APP_USER.ID.eq(HOST_COORDINATOR.USER_ID))
                .where(HOST_COORDINATOR.HOST_ID.eq(hostId))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .fetch(mapping((id, name, email, added) -> new HostCoordinator(id, name, email, added)));
    }

    /** The host organisations a person coordinates, by name, for their reports index. */
    List<HostRef> hostsOf(long userId) {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME)
                .from(HOST_COORDINATOR).join(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(HOST_COORDINATOR.HOST_ID))
                .where(HOST_COORDINATOR.USER_ID.eq(userId))
                .orderBy(HOST_ORGANISATION.NAME)
                .fetch(mapping(HostRef::new));
    }
}
