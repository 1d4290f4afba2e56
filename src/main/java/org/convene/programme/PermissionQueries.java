package org.convene.programme;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** What {@link ProgrammePermissions} reads: who coordinates which host, and which host a session has. */
@Repository
class PermissionQueries {

    private final DSLContext db;

    PermissionQueries(DSLContext db) {
        this.db = db;
    }

    Set<Long> coordinatedHostIds(long userId) {
        return db.select(HOST_COORDINATOR.HOST_ID).from(HOST_COORDINATOR)
                .where(HOST_COORDINATOR.USER_ID.eq(userId))
                .fetchSet(HOST_COORDINATOR.HOST_ID);
    }

    /** Empty for an unknown session and for a session without a host. */
    Optional<Long> hostOf(long sessionId) {
        return Optional.ofNullable(db.select(PROGRAMME_SESSION.HOST_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchOne(PROGRAMME_SESSION.HOST_ID));
    }
}
