package org.convene.organising;

import org.jspecify.annotations.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.selectCount;

/** Reads and writes host organisations for the organisers' pages. */
@Repository
class HostAdminRepository {

    private final DSLContext db;

    HostAdminRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition hostMatching(String filter) {
        return filter == null || filter.isBlank() ? DSL.noCondition()
                : HOST_ORGANISATION.NAME.containsIgnoreCase(filter.strip());
    }

    List<HostRow> hosts(String filter, int offset, int limit) {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME, HOST_ORGANISATION.WEBSITE,
                        DSL.field(selectCount().from(HOST_COORDINATOR)
                                .where(HOST_COORDINATOR.HOST_ID.eq(HOST_ORGANISATION.ID))),
                        DSL.field(selectCount().from(PROGRAMME_SESSION)
                                .where(PROGRAMME_SESSION.HOST_ID.eq(HOST_ORGANISATION.ID))))
                .from(HOST_ORGANISATION)
                .where(hostMatching(filter))
                .orderBy(DSL.lower(HOST_ORGANISATION.NAME), HOST_ORGANISATION.ID)
                .offset(offset).limit(limit)
                .fetch(mapping((id, name, website, coordinators, sessions) ->
                        new HostRow(id, name, website, coordinators, sessions)));
    }

    int countHosts(String filter) {
        return db.fetchCount(HOST_ORGANISATION, hostMatching(filter));
    }

    Optional<HostEdit> host(long id) {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME, HOST_ORGANISATION.WEBSITE,
                        HOST_ORGANISATION.DESCRIPTION, HOST_ORGANISATION.VERSION)
                .from(HOST_ORGANISATION).where(HOST_ORGANISATION.ID.eq(id))
                .fetchOptional(mapping(HostEdit::new));
    }

    boolean hostNameTaken(String name, @Nullable Long exceptId) {
        return db.fetchExists(HOST_ORGANISATION, DSL.lower(HOST_ORGANISATION.NAME).eq(name.toLowerCase(java.util.Locale.ROOT))
                .and(exceptId == null ? DSL.noCondition() : HOST_ORGANISATION.ID.ne(exceptId)));
    }

    /** Empty when the name was taken at the same moment (the unique index on lower(name) decides). */
    Optional<Long> insertHost(HostForm form) {
        return db.insertInto(HOST_ORGANISATION)
                .set(HOST_ORGANISATION.NAME, form.name())
                .set(HOST_ORGANISATION.WEBSITE, form.website())
                .set(HOST_ORGANISATION.DESCRIPTION, form.description())
                .onConflictDoNothing()
                .returning(HOST_ORGANISATION.ID)
                .fetchOptional(HOST_ORGANISATION.ID);
    }

    boolean updateHost(long id, int expectedVersion, HostForm form) {
        return db.update(HOST_ORGANISATION)
                .set(HOST_ORGANISATION.NAME, form.name())
                .set(HOST_ORGANISATION.WEBSITE, form.website())
                .set(HOST_ORGANISATION.DESCRIPTION, form.description())
                .set(HOST_ORGANISATION.VERSION, HOST_ORGANISATION.VERSION.plus(1))
                .where(HOST_ORGANISATION.ID.eq(id), HOST_ORGANISATION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }
}
