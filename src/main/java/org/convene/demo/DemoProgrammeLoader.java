package org.convene.demo;

import org.convene.core.DemoMode;
import org.convene.db.Routines;
import org.convene.materials.FileType;
import org.convene.materials.MaterialKind;
import org.convene.materials.Publication;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionFormat;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_MATERIAL;
import static org.convene.db.Tables.SESSION_MATERIAL_FILE;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;

/**
 * Fills an empty development database with the demo Co-production Week, dated this week so that the
 * live features can be tried at once. {@link DemoData} runs it after the demo accounts, so the demo
 * facilitator's account can be linked to their person.
 */
@Repository
class DemoProgrammeLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoProgrammeLoader.class);

    private final DemoMode demoMode;
    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoProgrammeLoader(DemoMode demoMode, DSLContext db, TransactionTemplate transaction, Clock clock) {
        this.demoMode = demoMode;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    void loadIntoEmptyDatabase() {
        if (!demoMode.isActive() || db.fetchExists(CONFERENCE)) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    void load() {
        ZoneId zone = ZoneId.of(DemoProgramme.ZONE);
        LocalDate monday = DemoProgramme.demoMonday(LocalDate.now(clock.withZone(zone)));
        Map<String, Long> hosts = new HashMap<>();
        for (DemoProgramme.Host host : DemoProgramme.HOSTS) {
            Long existing = db.select(HOST_ORGANISATION.ID).from(HOST_ORGANISATION)
                    .where(HOST_ORGANISATION.NAME.equalIgnoreCase(host.name())).fetchOne(HOST_ORGANISATION.ID);
            hosts.put(host.name(), existing != null ? existing : db.insertInto(HOST_ORGANISATION)
                    .set(HOST_ORGANISATION.NAME, host.name())
                    .set(HOST_ORGANISATION.WEBSITE, host.website())
                    .set(HOST_ORGANISATION.DESCRIPTION, host.description())
                    .returning(HOST_ORGANISATION.ID).fetchSingle().getId());
        }
        db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(DemoProgramme.DEMO_HOST_EMAIL))
                .fetchOptional(APP_USER.ID)
                .ifPresent(userId -> db.insertInto(HOST_COORDINATOR)
                        .set(HOST_COORDINATOR.HOST_ID, hosts.get(DemoProgramme.DEMO_HOST_ORGANISATION))
                        .set(HOST_COORDINATOR.USER_ID, userId)
                        .set(HOST_COORDINATOR.ADDED_AT, clock.instant())
                        .onConflictDoNothing().execute());
        Map<String, Long> people = new HashMap<>();
        for (DemoProgramme.Person person : DemoProgramme.PEOPLE) {
            Long userId = person.accountEmail() == null ? null : db.select(APP_USER.ID).from(APP_USER)
                    .where(APP_USER.EMAIL.eq(person.accountEmail())).fetchOne(APP_USER.ID);
            people.put(person.name(), db.insertInto(PERSON)
                    .set(PERSON.NAME, person.name())
                    .set(PERSON.ORGANISATION, person.organisation())
                    .set(PERSON.BIO, person.bio())
                    .set(PERSON.USER_ID, userId)
                    .returning(PERSON.ID).fetchSingle().getId());
        }

        int sessions = conference("coproduction-week-" + monday.getYear(), "Co-production Week " + monday.getYear(),
                monday, DemoProgramme.SESSIONS, false, hosts, people);
        LocalDate pastMonday = LocalDate.of(2020, 7, 6);
        sessions += conference("coproduction-week-2020", "Co-production Week 2020", pastMonday,
                DemoProgramme.PAST_SESSIONS, true, hosts, people);
        log.info("Loaded the demo programme: 2 conferences, {} sessions, week of {}", sessions, monday);
    }

    private int conference(String slug, String name, LocalDate monday, List<DemoProgramme.Session> sessions,
                           boolean withRecordings, Map<String, Long> hosts, Map<String, Long> people) {
        ZoneId zone = ZoneId.of(DemoProgramme.ZONE);
        long conferenceId = db.insertInto(CONFERENCE)
                .set(CONFERENCE.SLUG, slug)
                .set(CONFERENCE.NAME, name)
                .set(CONFERENCE.THEME, DemoProgramme.THEME)
                .set(CONFERENCE.DESCRIPTION, "A week celebrating co-production: people who use services, carers "
                        + "and organisations working together as equal partners.")
                .set(CONFERENCE.TIME_ZONE, ZoneId.of(DemoProgramme.ZONE))
                .set(CONFERENCE.FIRST_DAY, monday)
                .set(CONFERENCE.LAST_DAY, monday.plusDays(4))
                .returning(CONFERENCE.ID).fetchSingle().getId();
        Map<Integer, Long> tracks = new HashMap<>();
        for (int i = 0; i < DemoProgramme.TRACKS.size(); i++) {
            tracks.put(i, db.insertInto(TRACK)
                    .set(TRACK.CONFERENCE_ID, conferenceId)
                    .set(TRACK.NAME, DemoProgramme.TRACKS.get(i))
                    .set(TRACK.POSITION, i)
                    .returning(TRACK.ID).fetchSingle().getId());
        }
        int number = 0;
        for (DemoProgramme.Session session : sessions) {
            number++;
            var start = monday.plusDays(session.day() - 1L).atTime(DemoProgramme.time(session.start())).atZone(zone);
            var access = session.access();
            String room = slug + "-" + number;
            long sessionId = db.insertInto(PROGRAMME_SESSION)
                    .set(PROGRAMME_SESSION.CONFERENCE_ID, conferenceId)
                    .set(PROGRAMME_SESSION.TITLE, session.title())
                    .set(PROGRAMME_SESSION.SUMMARY_MARKDOWN, session.summary())
                    .set(PROGRAMME_SESSION.FORMAT, SessionFormat.valueOf(session.format()))
                    .set(PROGRAMME_SESSION.STARTS_AT, start.toInstant())
                    .set(PROGRAMME_SESSION.ENDS_AT, start.plusMinutes(session.minutes()).toInstant())
                    .set(PROGRAMME_SESSION.TRACK_ID, tracks.get(session.track()))
                    .set(PROGRAMME_SESSION.HOST_ID, hosts.get(session.host()))
                    .set(PROGRAMME_SESSION.JOIN_URL, "https://meet.jit.si/ConveneDemo-" + room)
                    .set(PROGRAMME_SESSION.RECORDING_URL, withRecordings
                            ? "https://www.example.org/recordings/" + room.toLowerCase(Locale.ROOT) : null)
                    .set(PROGRAMME_SESSION.CAPACITY, session.capacity())
                    .set(PROGRAMME_SESSION.BSL_INTERPRETATION, access.contains(DemoProgramme.Access.BSL))
                    .set(PROGRAMME_SESSION.LIVE_CAPTIONS, access.contains(DemoProgramme.Access.CAPTIONS))
                    .set(PROGRAMME_SESSION.EASY_READ, access.contains(DemoProgramme.Access.EASY_READ))
                    .set(PROGRAMME_SESSION.AUDIO_OR_PHONE, access.contains(DemoProgramme.Access.PHONE))
                    .set(PROGRAMME_SESSION.BUILT_IN_BREAKS, access.contains(DemoProgramme.Access.BREAKS))
                    .set(PROGRAMME_SESSION.ACCESS_NOTES, session.accessNotes())
                    .returning(PROGRAMME_SESSION.ID).fetchSingle().getId();
            if (session.accessNotes() != null && session.accessNotes().startsWith(DemoMaterials.PROMISE)) {
                material(sessionId, MaterialKind.SLIDES, "Slides", FileType.PDF, "welcome-slides.pdf",
                        DemoMaterials.slides());
                material(sessionId, MaterialKind.EASY_READ, "Easy read version", FileType.TEXT, "welcome-easy-read.txt",
                        DemoMaterials.EASY_READ.getBytes(StandardCharsets.UTF_8));
            }
            int position = 0;
            for (String person : session.people()) {
                db.insertInto(SESSION_PERSON)
                        .set(SESSION_PERSON.SESSION_ID, sessionId)
                        .set(SESSION_PERSON.PERSON_ID, people.get(person))
                        .set(SESSION_PERSON.ROLE, PersonRole.FACILITATOR)
                        .set(SESSION_PERSON.POSITION, position++)
                        .execute();
            }
        }
        return sessions.size();
    }

    /** Published the day before the session, as its notes promise, by the database's one rule (V22). */
    private void material(long sessionId, MaterialKind kind, String title, FileType type, String name, byte[] bytes) {
        long id = db.insertInto(SESSION_MATERIAL)
                .set(SESSION_MATERIAL.SESSION_ID, sessionId)
                .set(SESSION_MATERIAL.KIND, kind)
                .set(SESSION_MATERIAL.TITLE, title)
                .set(SESSION_MATERIAL.FILE_TYPE, type)
                .set(SESSION_MATERIAL.FILE_SIZE, (long) bytes.length)
                .set(SESSION_MATERIAL.FILE_NAME, name)
                .set(SESSION_MATERIAL.PUBLISH_RULE, Publication.DAY_BEFORE)
                .set(SESSION_MATERIAL.PUBLISH_AT, DSL.select(Routines.materialPublishAt(
                                DSL.val(Publication.DAY_BEFORE.name()), PROGRAMME_SESSION.STARTS_AT,
                                PROGRAMME_SESSION.ENDS_AT, DSL.val(DemoProgramme.ZONE), DSL.val(clock.instant())))
                        .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId)).<Instant>asField())
                .set(SESSION_MATERIAL.CREATED_AT, clock.instant())
                .returning(SESSION_MATERIAL.ID).fetchSingle().getId();
        db.insertInto(SESSION_MATERIAL_FILE).set(SESSION_MATERIAL_FILE.MATERIAL_ID, id)
                .set(SESSION_MATERIAL_FILE.CONTENT, bytes).execute();
    }
}
