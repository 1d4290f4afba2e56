package org.convene.programme;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.row;

@Repository
class SessionQueries {

    private final DSLContext db;
    private final MarkdownRenderer markdown;

    SessionQueries(DSLContext db, MarkdownRenderer markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    Optional<SessionDetail> detail(long sessionId) {
        var host = row(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME, HOST_ORGANISATION.WEBSITE,
                HOST_ORGANISATION.DESCRIPTION)
                .convertFrom(r -> r == null || r.value1() == null ? null
                        : new SessionHost(r.value1(), r.value2(), r.value3(), r.value4()));
        var conference = row(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME,
                CONFERENCE.TIME_ZONE, CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .convertFrom(mapping(ConferenceSummary::new));
        var track = SessionColumns.track();
        var access = SessionColumns.access();
        var people = SessionColumns.people();
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.FORMAT,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, track, host,
                        PROGRAMME_SESSION.SUMMARY_MARKDOWN, access, PROGRAMME_SESSION.ACCESS_NOTES,
                        PROGRAMME_SESSION.JOIN_URL, PROGRAMME_SESSION.RECORDING_URL, PROGRAMME_SESSION.CAPACITY,
                        people, conference, PROGRAMME_SESSION.CAPTIONS_URL, PROGRAMME_SESSION.TRANSCRIPT_URL,
                        PROGRAMME_SESSION.EASY_READ_SUMMARY, PROGRAMME_SESSION.CANCELLED_AT,
                        PROGRAMME_SESSION.CANCELLATION_REASON)
                .from(PROGRAMME_SESSION)
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .leftJoin(TRACK).on(TRACK.ID.eq(PROGRAMME_SESSION.TRACK_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionDetail(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(),
                        markdown.toSafeHtml(r.value8()), r.value9(), blankToNull(r.value10()),
                        blankToNull(r.value11()), blankToNull(r.value12()), r.value13(), r.value14(),
                        r.value15(), blankToNull(r.value16()), blankToNull(r.value17()), blankToNull(r.value18()),
                        r.value19(), blankToNull(r.value20())));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
