package org.convene.programme;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

/** Column groups and conditions that the timetable and the session page read in the same way. */
public final class SessionColumns {

    /** Each access feature's column. */
    public static final Map<AccessFeature, Field<Boolean>> ACCESS_COLUMNS = Map.of(
            AccessFeature.BSL_INTERPRETATION, PROGRAMME_SESSION.BSL_INTERPRETATION,
            AccessFeature.LIVE_CAPTIONS, PROGRAMME_SESSION.LIVE_CAPTIONS,
            AccessFeature.EASY_READ, PROGRAMME_SESSION.EASY_READ,
            AccessFeature.AUDIO_OR_PHONE, PROGRAMME_SESSION.AUDIO_OR_PHONE,
            AccessFeature.BUILT_IN_BREAKS, PROGRAMME_SESSION.BUILT_IN_BREAKS);

    private static final char LIKE_ESCAPE = '!';

    private SessionColumns() {
    }

    /** The session's access features as one set-valued column. */
    public static SelectField<Set<AccessFeature>> access() {
        return row(PROGRAMME_SESSION.BSL_INTERPRETATION, PROGRAMME_SESSION.LIVE_CAPTIONS,
                PROGRAMME_SESSION.EASY_READ, PROGRAMME_SESSION.AUDIO_OR_PHONE, PROGRAMME_SESSION.BUILT_IN_BREAKS)
                .convertFrom(r -> {
                    Set<AccessFeature> features = EnumSet.noneOf(AccessFeature.class);
                    ACCESS_COLUMNS.forEach((feature, column) -> {
                        if (Boolean.TRUE.equals(r.get(column))) {
                            features.add(feature);
                        }
                    });
                    return features;
                });
    }

    /** Facilitators first, then speakers, each in the order the organisers gave. */
    public static Field<List<SessionPersonName>> peopleNames() {
        return multiset(select(PERSON.NAME, SESSION_PERSON.ROLE)
                .from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(PROGRAMME_SESSION.ID))
                .orderBy(SESSION_PERSON.ROLE, SESSION_PERSON.POSITION, PERSON.NAME))
                .convertFrom(result -> result.map(mapping(SessionPersonName::new)));
    }

    public static Field<List<SessionPerson>> people() {
        return multiset(select(PERSON.NAME, SESSION_PERSON.ROLE, PERSON.ORGANISATION, PERSON.BIO)
                .from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(PROGRAMME_SESSION.ID))
                .orderBy(SESSION_PERSON.ROLE, SESSION_PERSON.POSITION, PERSON.NAME))
                .convertFrom(result -> result.map(r ->
                        new SessionPerson(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    /** Null when the session has no track (a LEFT JOIN found nothing). */
    public static SelectField<TrackRef> track() {
        return row(TRACK.ID, TRACK.NAME).convertFrom(r -> r == null || r.value1() == null ? null
                : new TrackRef(r.value1(), r.value2()));
    }

    public static SelectField<HostRef> host() {
        return row(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME).convertFrom(r -> r == null || r.value1() == null
                ? null : new HostRef(r.value1(), r.value2()));
    }

    /**
     * Every word must appear (case-insensitively) in the title, the summary, the host's name or the name
     * of someone running the session. LIKE wildcards in what people type are matched literally.
     * Needs HOST_ORGANISATION left-joined.
     */
    public static Condition matchesAllWords(List<String> words) {
        Condition all = DSL.trueCondition();
        for (String word : words) {
            String pattern = "%" + DSL.escape(word, LIKE_ESCAPE) + "%";
            Condition person = DSL.exists(selectOne()
                    .from(SESSION_PERSON)
                    .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                    .where(SESSION_PERSON.SESSION_ID.eq(PROGRAMME_SESSION.ID))
                    .and(PERSON.NAME.likeIgnoreCase(pattern, LIKE_ESCAPE)));
            all = all.and(PROGRAMME_SESSION.TITLE.likeIgnoreCase(pattern, LIKE_ESCAPE)
                    .or(PROGRAMME_SESSION.SUMMARY_MARKDOWN.likeIgnoreCase(pattern, LIKE_ESCAPE))
                    .or(HOST_ORGANISATION.NAME.likeIgnoreCase(pattern, LIKE_ESCAPE))
                    .or(person));
        }
        return all;
    }
}
