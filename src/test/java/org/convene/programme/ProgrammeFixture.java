package org.convene.programme;

import org.convene.programme.PersonRole;
import org.convene.programme.SessionFormat;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.impl.DSL;

import java.util.concurrent.TimeUnit;

import java.util.concurrent.Future;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.springframework.dao.PessimisticLockingFailureException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.convene.db.Tables.USER_ROLE;

/**
 * Builds programme data for one test straight into the shared test database, with unique slugs,
 * host names and emails so that test classes never see each other's rows, and removes it all again.
 */
public class ProgrammeFixture {

    private static final int CLEAN_UP_ATTEMPTS = 3;

    private final DSLContext db;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> conferences = new ArrayList<>();
    private final List<Long> hosts = new ArrayList<>();
    private final List<Long> people = new ArrayList<>();
    private final List<Long> users = new ArrayList<>();
    private int sequence;

    public ProgrammeFixture(DSLContext db) {
        this.db = db;
    }

    /** A unique suffix for names that must be unique across the whole test run. */
    public String tag() {
        return tag;
    }

    public ConferenceSummary conference(String name, String zone, LocalDate first, LocalDate last) {
        String slug = "tt-" + tag + "-" + (++sequence);
        long id = db.insertInto(CONFERENCE)
                .set(CONFERENCE.SLUG, slug).set(CONFERENCE.NAME, name).set(CONFERENCE.THEME, "Nothing about us without us")
                .set(CONFERENCE.DESCRIPTION, "A week of sessions run by and for the people they are about.")
                .set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of(zone)).set(CONFERENCE.FIRST_DAY, first).set(CONFERENCE.LAST_DAY, last)
                .returning(CONFERENCE.ID).fetchOne(CONFERENCE.ID);
        conferences.add(id);
        return new ConferenceSummary(id, slug, name, "Nothing about us without us", ZoneId.of(zone), first, last);
    }

    public TrackRef track(ConferenceSummary conference, String name, int position) {
        long id = db.insertInto(TRACK).set(TRACK.CONFERENCE_ID, conference.id()).set(TRACK.NAME, name)
                .set(TRACK.POSITION, position).returning(TRACK.ID).fetchOne(TRACK.ID);
        return new TrackRef(id, name);
    }

    /** Host names are unique across the database, so the fixture's tag is added to the name. */
    public HostRef host(String name) {
        String unique = name + " " + tag;
        long id = db.insertInto(HOST_ORGANISATION).set(HOST_ORGANISATION.NAME, unique)
                .set(HOST_ORGANISATION.WEBSITE, "https://example.org/" + tag)
                .set(HOST_ORGANISATION.DESCRIPTION, "A user-led organisation.")
                .returning(HOST_ORGANISATION.ID).fetchOne(HOST_ORGANISATION.ID);
        hosts.add(id);
        return new HostRef(id, unique);
    }

    public long person(String name, String organisation, String bio) {
        long id = db.insertInto(PERSON).set(PERSON.NAME, name).set(PERSON.ORGANISATION, organisation)
                .set(PERSON.BIO, bio).returning(PERSON.ID).fetchOne(PERSON.ID);
        people.add(id);
        return id;
    }

    public SessionBuilder session(ConferenceSummary conference, String title) {
        return new SessionBuilder(conference, title);
    }

    /** An attendee account inserted directly (the sign-up flow belongs to another feature). */
    public ConveneUser user(String displayName) {
        return account(displayName);
    }

    public ConveneUser attendee() {
        return account("Attendee");
    }

    public ConveneUser organiser() {
        return account("Organiser", Role.ORGANISER);
    }

    /**
     * An account with the HOST role coordinating these organisations (none: a coordinator whose hosts were
     * removed), written straight to the database: the invitation flow that makes coordinators belongs to another
     * feature.
     */
    public ConveneUser coordinator(HostRef... hosts) {
        return coordinator("Coordinator", hosts);
    }

    public ConveneUser coordinator(String displayName, HostRef... hosts) {
        ConveneUser user = account(displayName, Role.HOST);
        for (HostRef host : hosts) {
            coordinate(user, host);
        }
        return user;
    }

    /** Makes the user a coordinator of the host, as accepting an invitation would. */
    public void coordinate(ConveneUser user, HostRef host) {
        coordinate(user, host.id(), Instant.now());
    }

    public void coordinate(ConveneUser user, long hostId, Instant addedAt) {
        db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, hostId)
                .set(HOST_COORDINATOR.USER_ID, user.id()).set(HOST_COORDINATOR.ADDED_AT, addedAt)
                .execute();
    }

    /** An account with the ATTENDEE role and these others. */
    public ConveneUser account(String displayName, Role... extraRoles) {
        String email = "tt-" + tag + "-" + (++sequence) + "@example.org";
        long id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, "{noop}not-used").set(APP_USER.CREATED_AT, Instant.now())
                .set(APP_USER.EMAIL_CONFIRMED_AT, Instant.now())
                .returning(APP_USER.ID).fetchOne(APP_USER.ID);
        Set<Role> roles = EnumSet.of(Role.ATTENDEE, extraRoles);
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role)
                    .set(USER_ROLE.GRANTED_AT, Instant.now()).execute();
        }
        users.add(id);
        return new ConveneUser(id, email, displayName, "{noop}not-used", roles);
    }

    /** Also removes the people the app made from the fixture's accounts (when making them facilitators). */
    public void cleanUp() {
        // A browser test's page may still be writing (attendance, its session's last requests) when the test ends,
        // and PostgreSQL may pick the cascading delete as a deadlock's loser. The deletes are idempotent, so the
        // clean-up tries again once the page's write has gone through.
        for (int attempt = 1; ; attempt++) {
            try {
                deleteAll();
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == CLEAN_UP_ATTEMPTS) {
                    throw e;
                }
                pause(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private void deleteAll() {
        // Sessions, tracks, session_person and agenda rows go with their conference and user (on delete cascade).
        db.deleteFrom(CONFERENCE).where(CONFERENCE.ID.in(conferences)).execute();
        db.deleteFrom(HOST_ORGANISATION).where(HOST_ORGANISATION.ID.in(hosts)).execute();
        db.deleteFrom(PERSON).where(PERSON.ID.in(people).or(PERSON.USER_ID.in(users))).execute();
        db.deleteFrom(APP_USER).where(APP_USER.ID.in(users)).execute();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cleaning up", e);
        }
    }

    public class SessionBuilder {
        private final ConferenceSummary conference;
        private final String title;
        private SessionFormat format = SessionFormat.WEBINAR;
        private Instant starts;
        private Instant ends;
        private TrackRef track;
        private HostRef host;
        private String summary = "";
        private String joinUrl;
        private String recordingUrl;
        private Integer capacity;
        private String accessNotes;
        private final Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);
        private final List<Long> persons = new ArrayList<>();
        private final List<PersonRole> roles = new ArrayList<>();

        private SessionBuilder(ConferenceSummary conference, String title) {
            this.conference = conference;
            this.title = title;
        }

        /** Start and end as wall-clock times in the conference's own zone. */
        public SessionBuilder at(LocalDateTime start, LocalDateTime end) {
            this.starts = start.atZone(conference.timeZone()).toInstant();
            this.ends = end.atZone(conference.timeZone()).toInstant();
            return this;
        }

        public SessionBuilder at(Instant start, Instant end) {
            this.starts = start;
            this.ends = end;
            return this;
        }

        public SessionBuilder format(SessionFormat value) {
            this.format = value;
            return this;
        }

        public SessionBuilder track(TrackRef value) {
            this.track = value;
            return this;
        }

        public SessionBuilder host(HostRef value) {
            this.host = value;
            return this;
        }

        public SessionBuilder summary(String markdown) {
            this.summary = markdown;
            return this;
        }

        public SessionBuilder joinUrl(String value) {
            this.joinUrl = value;
            return this;
        }

        public SessionBuilder recordingUrl(String value) {
            this.recordingUrl = value;
            return this;
        }

        public SessionBuilder capacity(int value) {
            this.capacity = value;
            return this;
        }

        public SessionBuilder accessNotes(String value) {
            this.accessNotes = value;
            return this;
        }

        public SessionBuilder access(AccessFeature... features) {
            access.addAll(List.of(features));
            return this;
        }

        public SessionBuilder person(long personId, PersonRole role) {
            persons.add(personId);
            roles.add(role);
            return this;
        }

        public long create() {
            long id = db.insertInto(PROGRAMME_SESSION)
                    .set(PROGRAMME_SESSION.CONFERENCE_ID, conference.id())
                    .set(PROGRAMME_SESSION.TITLE, title)
                    .set(PROGRAMME_SESSION.SUMMARY_MARKDOWN, summary)
                    .set(PROGRAMME_SESSION.FORMAT, format)
                    .set(PROGRAMME_SESSION.STARTS_AT, starts)
                    .set(PROGRAMME_SESSION.ENDS_AT, ends)
                    .set(PROGRAMME_SESSION.TRACK_ID, track == null ? null : track.id())
                    .set(PROGRAMME_SESSION.HOST_ID, host == null ? null : host.id())
                    .set(PROGRAMME_SESSION.JOIN_URL, joinUrl)
                    .set(PROGRAMME_SESSION.RECORDING_URL, recordingUrl)
                    .set(PROGRAMME_SESSION.CAPACITY, capacity)
                    .set(PROGRAMME_SESSION.ACCESS_NOTES, accessNotes)
                    .set(PROGRAMME_SESSION.BSL_INTERPRETATION, access.contains(AccessFeature.BSL_INTERPRETATION))
                    .set(PROGRAMME_SESSION.LIVE_CAPTIONS, access.contains(AccessFeature.LIVE_CAPTIONS))
                    .set(PROGRAMME_SESSION.EASY_READ, access.contains(AccessFeature.EASY_READ))
                    .set(PROGRAMME_SESSION.AUDIO_OR_PHONE, access.contains(AccessFeature.AUDIO_OR_PHONE))
                    .set(PROGRAMME_SESSION.BUILT_IN_BREAKS, access.contains(AccessFeature.BUILT_IN_BREAKS))
                    .returning(PROGRAMME_SESSION.ID).fetchOne(PROGRAMME_SESSION.ID);
            for (int i = 0; i < persons.size(); i++) {
                db.insertInto(SESSION_PERSON).set(SESSION_PERSON.SESSION_ID, id)
                        .set(SESSION_PERSON.PERSON_ID, persons.get(i))
                        .set(SESSION_PERSON.ROLE, roles.get(i)).set(SESSION_PERSON.POSITION, i).execute();
            }
            return id;
        }
    }

    /** Waits until some statement is waiting for a lock: our insert, held up by the uncommitted duplicate. */
    public static void awaitALockWait(DSLContext db, Future<?> saving) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (db.fetchCount(DSL.table("pg_stat_activity"), DSL.field("wait_event_type").eq("Lock")) == 0) {
            assertThat(saving).as("the save finished without waiting for the other insert").isNotDone();
            assertThat(System.nanoTime()).as("no insert waited for the other one").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
