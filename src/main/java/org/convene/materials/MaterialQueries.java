package org.convene.materials;

import org.convene.db.Routines;
import org.convene.db.tables.records.SessionMaterialRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_MATERIAL;
import static org.convene.db.Tables.SESSION_MATERIAL_FILE;

/** Materials and their files. The bytes are read only for a download, never with a list. */
@Repository
class MaterialQueries {

    private final DSLContext db;

    MaterialQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * When a material following this rule would be published for this session, by the database's one definition
     * ({@code material_publish_at}, V22); empty for a hidden draft or an unknown session.
     */
    Optional<Instant> publishAt(long sessionId, Publication publication, Instant now) {
        if (publication == Publication.HIDDEN) {
            return Optional.empty();
        }
        return db.select(Routines.materialPublishAt(org.jooq.impl.DSL.val(publication.name()),
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT,
                        org.jooq.impl.DSL.field(CONFERENCE.TIME_ZONE.getQualifiedName(), String.class),
                        org.jooq.impl.DSL.val(now)))
                .from(PROGRAMME_SESSION).join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(0, Instant.class);
    }

    long insert(long sessionId, MaterialKind kind, String title, Publication publication, @Nullable Instant publishAt,
                @Nullable String webAddress, @Nullable StoredFile file, long createdBy, Instant now) {
        long id = db.insertInto(SESSION_MATERIAL)
                .set(SESSION_MATERIAL.SESSION_ID, sessionId)
                .set(SESSION_MATERIAL.KIND, kind)
                .set(SESSION_MATERIAL.TITLE, title)
                .set(SESSION_MATERIAL.WEB_ADDRESS, webAddress)
                .set(SESSION_MATERIAL.FILE_TYPE, file == null ? null : file.type())
                .set(SESSION_MATERIAL.FILE_SIZE, file == null ? null : (long) file.bytes().length)
                .set(SESSION_MATERIAL.FILE_NAME, file == null ? null : file.name())
                .set(SESSION_MATERIAL.PUBLISH_RULE, publication)
                .set(SESSION_MATERIAL.PUBLISH_AT, publishAt)
                .set(SESSION_MATERIAL.CREATED_BY, createdBy)
                .set(SESSION_MATERIAL.CREATED_AT, now)
                .returning(SESSION_MATERIAL.ID).fetchSingle().getId();
        if (file != null) {
            db.insertInto(SESSION_MATERIAL_FILE).set(SESSION_MATERIAL_FILE.MATERIAL_ID, id)
                    .set(SESSION_MATERIAL_FILE.CONTENT, file.bytes()).execute();
        }
        return id;
    }

    void update(long id, MaterialKind kind, String title, Publication publication, @Nullable Instant publishAt) {
        db.update(SESSION_MATERIAL)
                .set(SESSION_MATERIAL.KIND, kind)
                .set(SESSION_MATERIAL.TITLE, title)
                .set(SESSION_MATERIAL.PUBLISH_RULE, publication)
                .set(SESSION_MATERIAL.PUBLISH_AT, publishAt)
                .where(SESSION_MATERIAL.ID.eq(id)).execute();
    }

    boolean delete(long id) {
        return db.deleteFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.ID.eq(id)).execute() == 1;
    }

    Optional<Material> find(long id) {
        return db.selectFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.ID.eq(id)).fetchOptional(MaterialQueries::material);
    }

    /** Every material of the session, drafts too, in the order they were added. */
    List<Material> forSession(long sessionId) {
        return db.selectFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.SESSION_ID.eq(sessionId))
                .orderBy(SESSION_MATERIAL.POSITION, SESSION_MATERIAL.ID).fetch(MaterialQueries::material);
    }

    /** The materials of these sessions that are published at this moment, by session, in the order added. */
    List<Material> publishedBy(Collection<Long> sessionIds, Instant at) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(SESSION_MATERIAL)
                .where(SESSION_MATERIAL.SESSION_ID.in(sessionIds))
                .and(SESSION_MATERIAL.PUBLISH_AT.le(at))
                .orderBy(SESSION_MATERIAL.SESSION_ID, SESSION_MATERIAL.POSITION, SESSION_MATERIAL.ID)
                .fetch(MaterialQueries::material);
    }

    Optional<byte[]> content(long materialId) {
        return db.select(SESSION_MATERIAL_FILE.CONTENT).from(SESSION_MATERIAL_FILE)
                .where(SESSION_MATERIAL_FILE.MATERIAL_ID.eq(materialId)).fetchOptional(SESSION_MATERIAL_FILE.CONTENT);
    }

    private static Material material(Record row) {
        SessionMaterialRecord r = row.into(SESSION_MATERIAL);
        Long size = r.getFileSize();
        return new Material(r.getId(), r.getSessionId(), r.getKind(), r.getTitle(), r.getWebAddress(),
                r.getFileType(), size == null ? 0 : size, r.getFileName(), r.getPublishRule(), r.getPublishAt());
    }

    /** A checked file ready to keep. */
    record StoredFile(FileType type, String name, byte[] bytes) {
    }
}
