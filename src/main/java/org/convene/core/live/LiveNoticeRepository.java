package org.convene.core.live;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class LiveNoticeRepository {

    private final DSLContext db;

    LiveNoticeRepository(DSLContext db) {
        this.db = db;
    }

    /** In the caller's transaction, so PostgreSQL sends it on commit and drops it on rollback. */
    void notify(String channel, String payload) {
        db.execute("select pg_notify(?, ?)", channel, payload);
    }
}
