package org.convene.demo;

import org.convene.materials.FileSniffer;
import org.convene.materials.FileType;
import org.convene.IntegrationTest;
import org.convene.core.DemoMode;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_MATERIAL;
import static org.convene.db.Tables.TRACK;

@IntegrationTest
class DemoProgrammeTest {

    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void the_demo_week_is_the_current_week_or_next_week_at_a_weekend() {
        assertThat(DemoProgramme.demoMonday(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(DemoProgramme.demoMonday(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(DemoProgramme.demoMonday(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DemoProgramme.demoMonday(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void the_demo_programme_is_a_realistic_five_day_week_over_parallel_tracks() {
        assertThat(DemoProgramme.SESSIONS).hasSizeBetween(25, 40);
        assertThat(DemoProgramme.SESSIONS.stream().map(DemoProgramme.Session::day).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        Set<String> hosts = DemoProgramme.HOSTS.stream().map(DemoProgramme.Host::name).collect(Collectors.toSet());
        Set<String> people = DemoProgramme.PEOPLE.stream().map(DemoProgramme.Person::name).collect(Collectors.toSet());
        for (DemoProgramme.Session session : DemoProgramme.SESSIONS) {
            assertThat(hosts).as(session.title()).contains(session.host());
            assertThat(people).as(session.title()).containsAll(session.people());
            assertThat(session.track()).isBetween(0, DemoProgramme.TRACKS.size() - 1);
        }
    }

    @Test
    void loading_writes_the_week_dated_this_week_in_uk_time_and_nothing_when_demo_mode_is_off() {
        // A clock in a different year keeps these rows apart from other tests' conferences.
        Clock wednesday2040 = Clock.fixed(Instant.parse("2040-06-06T12:00:00Z"), ZoneOffset.UTC);
        DemoProgrammeLoader off = new DemoProgrammeLoader(demoMode(false), db, transaction, wednesday2040);
        off.loadIntoEmptyDatabase();
        assertThat(db.fetchExists(CONFERENCE, CONFERENCE.SLUG.eq("coproduction-week-2040"))).isFalse();

        try {
            transaction.executeWithoutResult(s -> db.insertInto(APP_USER)
                    .set(APP_USER.EMAIL, DemoProgramme.DEMO_HOST_EMAIL).set(APP_USER.DISPLAY_NAME, "Hana Host")
                    .set(APP_USER.PASSWORD_HASH, "{noop}x").set(APP_USER.CREATED_AT, wednesday2040.instant())
                    .onConflictDoNothing().execute());
            transaction.executeWithoutResult(s -> new DemoProgrammeLoader(demoMode(true), db, transaction, wednesday2040).load());

            var week = db.selectFrom(CONFERENCE).where(CONFERENCE.SLUG.eq("coproduction-week-2040")).fetchSingle();
            assertThat(week.getFirstDay()).isEqualTo(LocalDate.of(2040, 6, 4));
            assertThat(week.getFirstDay().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(week.getLastDay()).isEqualTo(LocalDate.of(2040, 6, 8));
            assertThat(week.getTheme()).isEqualTo("Co-production in a changing world");
            assertThat(db.fetchCount(TRACK, TRACK.CONFERENCE_ID.eq(week.getId()))).isEqualTo(3);
            Map<String, Instant> starts = db.select(PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT)
                    .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.CONFERENCE_ID.eq(week.getId()))
                    .fetchMap(PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT);
            assertThat(starts).hasSize(DemoProgramme.SESSIONS.size());
            // 10am UK summer time is 09:00 UTC
            assertThat(starts.get("Welcome to Co-production Week: co-production in a changing world"))
                    .isEqualTo(Instant.parse("2040-06-04T09:00:00Z"));
            // the opening session's notes promise slides a day before: published from midnight on Sunday, UK time
            var slides = db.select(SESSION_MATERIAL.TITLE, SESSION_MATERIAL.FILE_TYPE,
                            SESSION_MATERIAL.PUBLISH_AT)
                    .from(SESSION_MATERIAL).join(PROGRAMME_SESSION)
                    .on(PROGRAMME_SESSION.ID.eq(SESSION_MATERIAL.SESSION_ID))
                    .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(week.getId()))
                    .orderBy(SESSION_MATERIAL.ID).fetch();
            assertThat(slides).extracting(r -> r.value1() + " " + r.value2() + " " + r.value3()).containsExactly(
                    "Slides PDF 2040-06-02T23:00:00Z", "Easy read version TEXT 2040-06-02T23:00:00Z");
            assertThat(FileSniffer.sniff(DemoMaterials.slides()))
                    .contains(FileType.PDF);
            assertThat(db.select(HOST_ORGANISATION.NAME).from(HOST_COORDINATOR)
                    .join(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(HOST_COORDINATOR.HOST_ID))
                    .join(APP_USER).on(APP_USER.ID.eq(HOST_COORDINATOR.USER_ID))
                    .where(APP_USER.EMAIL.eq(DemoProgramme.DEMO_HOST_EMAIL)).fetch(HOST_ORGANISATION.NAME))
                    .as("the demo host account coordinates its partner organisation")
                    .containsExactly(DemoProgramme.DEMO_HOST_ORGANISATION);
        } finally {
            db.deleteFrom(APP_USER).where(APP_USER.EMAIL.eq(DemoProgramme.DEMO_HOST_EMAIL)).execute();
            db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.in("coproduction-week-2040", "coproduction-week-2020")).execute();
        }
    }

    private static DemoMode demoMode(boolean on) {
        return new DemoMode(on ? "on" : "off", new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(org.convene.core.database.EmbeddedDatabaseMarker.class));
    }
}
