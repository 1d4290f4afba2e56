package org.convene.exchange;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.access.AccessNeedsService;
import org.convene.access.AccessNotice;
import org.convene.access.AccessPlanningService;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.organising.AccessFeaturesWithdrawn;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Imports that take an access feature off an existing session tell the people who need it, as the session editor
 * does: the CSV import publishes {@link AccessFeaturesWithdrawn} in its transaction. The frab/pretalx schedule
 * carries no access features, so its import never changes them and never withdraws one.
 */
@IntegrationTest
@RecordApplicationEvents
class ImportAccessWithdrawalTest {

    private static final LocalDate MONDAY = LocalDate.of(2033, 12, 5);
    private static final String HEADER = "reference,title,format,date,start,end,bsl,captions";

    @Autowired
    CsvImportService csv;
    @Autowired
    ScheduleImportService schedules;
    @Autowired
    AccessNeedsService needs;
    @Autowired
    AccessPlanningService planning;
    @Autowired
    AgendaService agenda;
    @Autowired
    ApplicationEvents events;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    ConveneUser organiser;
    ConveneUser ada;
    long session;
    final List<String> importedSlugs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Import access week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        session = fixture.session(week, "Caring at home").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0))
                .access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REFERENCE, ref()).where(PROGRAMME_SESSION.ID.eq(session))
                .execute();
        organiser = fixture.account("Olu Organiser", Role.ORGANISER);
        ada = fixture.account("Ada Needs-Captions");
        AccountFixtures.actAs(ada);
        needs.save(EnumSet.of(AccessFeature.LIVE_CAPTIONS));
        agenda.add(session);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(ada.id())).execute();
        fixture.cleanUp();
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.in(importedSlugs)).execute();
    }

    private String ref() {
        return "A1-" + fixture.tag();
    }

    private CsvImportResult importCsv(String... rows) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return csv.confirm(csv.preview(week.id(), file, CsvImportProgress.NONE), CsvImportProgress.NONE);
    }

    private String row(String title, String bsl, String captions) {
        return ref() + "," + title + ",Webinar," + MONDAY + ",10:00,11:00," + bsl + "," + captions;
    }

    private List<AccessNotice> noticesOfAda() {
        AccountFixtures.actAs(ada);
        try {
            return planning.myNotices();
        } finally {
            AccountFixtures.actAs(organiser);
        }
    }

    private int withdrawals() {
        return db.fetchCount(ACCESS_WITHDRAWAL, ACCESS_WITHDRAWAL.SESSION_ID.eq(session));
    }

    @Test
    void a_csv_import_that_stops_offering_live_captions_tells_the_people_who_need_them() {
        importCsv(row("Caring at home", "yes", "no"));

        assertThat(events.stream(AccessFeaturesWithdrawn.class)).singleElement()
                .isEqualTo(new AccessFeaturesWithdrawn(session, Set.of(AccessFeature.LIVE_CAPTIONS)));
        assertThat(noticesOfAda()).singleElement().satisfies(notice -> {
            assertThat(notice.feature()).isEqualTo(AccessFeature.LIVE_CAPTIONS);
            assertThat(notice.sentence()).isEqualTo("Live captions are no longer offered for this session.");
        });
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT_USER_ID.eq(ada.id()))).isEqualTo(1);
    }

    @Test
    void a_csv_import_that_keeps_or_adds_features_withdraws_nothing() {
        importCsv(row("Caring at home again", "yes", "yes"));
        importCsv(row("Caring at home again", "yes", "yes"));

        assertThat(events.stream(AccessFeaturesWithdrawn.class)).isEmpty();
        assertThat(withdrawals()).isZero();
        assertThat(noticesOfAda()).isEmpty();
    }

    @Test
    void a_csv_import_refused_because_the_session_changed_since_the_preview_tells_nobody() {
        // someone saved the session after the preview: the whole import is refused and nobody is told
        CsvImportPreview preview = csv.preview(week.id(), String.join("\n", HEADER, row("Caring at home", "yes", "no"))
                .getBytes(StandardCharsets.UTF_8), CsvImportProgress.NONE);
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();

        assertThatThrownBy(() -> csv.confirm(preview, CsvImportProgress.NONE))
                .isInstanceOf(CsvImportConflictException.class);

        assertThat(withdrawals()).isZero();
        assertThat(noticesOfAda()).isEmpty();
        assertThat(db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(session)).getLiveCaptions()).isTrue();
    }

    @Test
    void a_schedule_import_keeps_the_access_features_set_in_convene_and_withdraws_nothing() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode file = (ObjectNode) json.readTree(ScheduleFiles.pretalxExample());
        String acronym = "access_" + fixture.tag();
        ((ObjectNode) file.path("schedule").path("conference")).put("acronym", acronym);
        importedSlugs.add(FrabScheduleReader.slug(acronym));
        schedules.importSchedule(file.toString());
        ObjectNode first = (ObjectNode) file.path("schedule").path("conference").path("days").get(0)
                .path("rooms").path("Gray Room").get(0);
        long imported = db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.GUID.eq(java.util.UUID.fromString(first.path("guid").asString())))
                .fetchSingle().value1();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.LIVE_CAPTIONS, true)
                .where(PROGRAMME_SESSION.ID.eq(imported)).execute();

        first.put("title", "Renamed in pretalx");
        schedules.importSchedule(file.toString());

        var after = db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(imported));
        assertThat(after.getTitle()).isEqualTo("Renamed in pretalx");
        assertThat(after.getLiveCaptions()).as("the schedule carries no access features").isTrue();
        assertThat(events.stream(AccessFeaturesWithdrawn.class)).isEmpty();
        assertThat(db.fetchCount(ACCESS_WITHDRAWAL, ACCESS_WITHDRAWAL.SESSION_ID.eq(imported))).isZero();
    }
}
