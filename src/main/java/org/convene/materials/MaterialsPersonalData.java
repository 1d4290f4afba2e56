package org.convene.materials;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_MATERIAL;

/**
 * The slides and handouts a person added as a host. They belong to the session, so they stay when the account goes,
 * no longer linked to it (the foreign key sets null).
 */
@Repository
class MaterialsPersonalData implements PersonalDataSection {

    private final DSLContext db;

    MaterialsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "materials";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(PersonalDataTable.of("added", "Slides, handouts and other materials you added to sessions.",
                List.of("Session id", "Session", "Kind", "Title", "Added (UTC)"),
                db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, SESSION_MATERIAL.KIND, SESSION_MATERIAL.TITLE,
                                SESSION_MATERIAL.CREATED_AT)
                        .from(SESSION_MATERIAL).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(SESSION_MATERIAL.SESSION_ID))
                        .where(SESSION_MATERIAL.CREATED_BY.eq(userId)).orderBy(SESSION_MATERIAL.CREATED_AT)
                        .fetch(Record::intoList)));
    }
}
