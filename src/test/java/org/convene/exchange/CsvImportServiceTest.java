package org.convene.exchange;

import org.convene.programme.HostRef;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionDraft;
import org.convene.programme.TrackRef;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionFormat;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PLACE_GIVEN;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.convene.db.Tables.WAITING_LIST_ENTRY;

@IntegrationTest
class CsvImportServiceTest {

    static final String HEADER = "reference,title,description,format,date,start,end,track,host,joining link,places,"
            + "bsl,captions,easy read,audio or phone,breaks,access notes,facilitator emails";

    @Autowired
    CsvImportService imports;
    @Autowired
    org.convene.agenda.AgendaService agenda;
    @Autowired
    DSLContext db;
    @Autowired
    DataSource dataSource;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    ConveneUser organiser;
    final List<String> hostNamesToRemove = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", LocalDate.of(2026, 7, 6),
                LocalDate.of(2026, 7, 10));
        organiser = fixture.account("Olu Organiser", Role.ORGANISER);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        // people made for facilitators from their accounts
        db.deleteFrom(PERSON).where(PERSON.USER_ID.in(db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.EMAIL.startsWith("tt-" + fixture.tag())))).execute();
        fixture.cleanUp();
        db.deleteFrom(HOST_ORGANISATION).where(HOST_ORGANISATION.NAME.in(hostNamesToRemove)).execute();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private String ref(String code) {
        return code + "-" + fixture.tag();
    }

    private CsvImportPreview preview(byte[] file) {
        return imports.preview(week.id(), file, CsvImportProgress.NONE);
    }

    private int sessionCount() {
        return db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()));
    }

    private static List<String> problemTexts(CsvImportPreview preview) {
        return preview.problems().stream().map(p -> p.line() + " " + p.column() + ": " + p.reason()).toList();
    }

    private String validRow(String reference, String title) {
        return reference + "," + title + ",About it,Webinar,2026-07-08,10:30,11:30,,,https://zoom.us/j/1,,no,yes,"
                + "no,no,no,,";
    }

    @Test
    void a_reference_added_by_someone_else_while_the_file_is_written_refuses_the_whole_import() throws Exception {
        String race = ref("RACE");
        CsvImportPreview preview = preview(csv(HEADER, validRow(ref("FIRST"), "First"), validRow(race, "Ours")));
        assertThat(preview.canConfirm()).isTrue();
        // Their session is inserted but not committed: the confirm's own check cannot see it, our insert then
        // waits on the unique index until they commit, and collides.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            DSL.using(other, SQLDialect.POSTGRES).insertInto(PROGRAMME_SESSION)
                    .set(PROGRAMME_SESSION.CONFERENCE_ID, week.id())
                    .set(PROGRAMME_SESSION.REFERENCE, race)
                    .set(PROGRAMME_SESSION.TITLE, "Theirs")
                    .set(PROGRAMME_SESSION.FORMAT, SessionFormat.TALK)
                    .set(PROGRAMME_SESSION.STARTS_AT, java.time.Instant.parse("2026-07-08T15:00:00Z"))
                    .set(PROGRAMME_SESSION.ENDS_AT, java.time.Instant.parse("2026-07-08T16:00:00Z"))
                    .execute();
            ExecutorService importer = Executors.newSingleThreadExecutor();
            try {
                Future<CsvImportResult> result = importer.submit(() -> {
                    AccountFixtures.actAs(organiser);
                    try {
                        return imports.confirm(preview, CsvImportProgress.NONE);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                ProgrammeFixture.awaitALockWait(db, result);
                other.commit();

                assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
                        .cause().isInstanceOf(CsvImportConflictException.class)
                        .hasMessage("Session " + race + " was added by someone else while the file was being "
                                + "imported, so nothing has been imported. Upload the file again to check it against "
                                + "the programme as it is now.");
            } finally {
                importer.shutdownNow();
            }
        }
        assertThat(db.fetch(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))
                .getValues(PROGRAMME_SESSION.TITLE)).as("only theirs: nothing of the file").containsExactly("Theirs");
    }

    // ---- the template -------------------------------------------------------------------------------------------

    @Test
    void the_template_imports_cleanly_as_it_is() throws IOException {
        StringWriter template = new StringWriter();
        imports.writeTemplate(Optional.of(week.id()), template);
        assertThat(template.toString()).startsWith(HEADER + "\r\n");

        CsvImportPreview preview = preview(template.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview.fileProblems()).isEmpty();
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.count(CsvImportRow.Action.CREATE)).isEqualTo(2);
        assertThat(preview.rows()).extracting(CsvImportRow::trackName, CsvImportRow::newTrack)
                .containsExactly(tuple("Health and care", true), tuple("Housing", true));
        preview.rows().stream().filter(CsvImportRow::newHost).forEach(r -> hostNamesToRemove.add(r.hostName()));

        CsvImportResult result = imports.confirm(preview, CsvImportProgress.NONE);

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.tracksCreated()).isEqualTo(2);
        assertThat(db.fetch(TRACK, TRACK.CONFERENCE_ID.eq(week.id())).getValues(TRACK.NAME))
                .containsExactlyInAnyOrder("Health and care", "Housing");
        var care = db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()),
                PROGRAMME_SESSION.REFERENCE.eq("CPW-001"));
        assertThat(care.getTitle()).isEqualTo("Co-producing care plans");
        // 10:30 UK time in July is 09:30 UTC
        assertThat(care.getStartsAt()).isEqualTo(Instant.parse("2026-07-06T09:30:00Z"));
        assertThat(care.getCapacity()).isEqualTo(100);
        assertThat(care.getBslInterpretation()).isTrue();
        assertThat(care.getEasyRead()).isFalse();
        assertThat(care.getHostId()).isNotNull();
    }

    @Test
    void a_coordinators_template_names_their_own_organisation_and_imports_cleanly() throws IOException {
        HostRef carers = fixture.host("Carers Leeds");
        ConveneUser coordinator = fixture.account("Cam Coordinator", Role.HOST);
        fixture.coordinate(coordinator, carers);
        AccountFixtures.actAs(coordinator);
        StringWriter template = new StringWriter();
        imports.writeTemplate(Optional.of(week.id()), template);

        CsvImportPreview preview = preview(template.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.rows()).extracting(CsvImportRow::hostName).containsOnly(carers.name());
    }

    // ---- the rules, row by row ----------------------------------------------------------------------------------

    @Test
    void each_rule_names_its_line_column_and_reason() {
        CsvImportPreview preview = preview(csv(HEADER,
                ",No reference,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("A2") + ",,,Webinar,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("A3") + ",Bad format,,Lecture,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("A4") + ",Bad date,,Talk,8 July,10:00,11:00,,,,,,,,,,,",
                ref("A5") + ",Bad time,,Talk,2026-07-08,25:00,11:00,,,,,,,,,,,",
                ref("A6") + ",Ends first,,Talk,2026-07-08,11:00,10:00,,,,,,,,,,,",
                ref("A7") + ",Outside the week,,Talk,2026-08-01,10:00,11:00,,,,,,,,,,,",
                ref("A8") + ",Bad link,,Talk,2026-07-08,10:00,11:00,,,zoom.us/j/1,,,,,,,,",
                ref("A9") + ",Bad places,,Talk,2026-07-08,10:00,11:00,,,,lots,,,,,,,",
                ref("A10") + ",Bad yes/no,,Talk,2026-07-08,10:00,11:00,,,,,maybe,,,,,,",
                ref("A11") + ",Unknown facilitator,,Talk,2026-07-08,10:00,11:00,,,,,,,,,,,nobody-"
                        + fixture.tag() + "@example.org",
                ref("A11") + ",Same reference again,,Talk,2026-07-08,12:00,13:00,,,,,,,,,,,",
                "bad ref!,Bad reference,,Talk,2026-07-08,10:00,11:00,,,,,,,,,,,",
                ref("A14") + ",\"A title, with a comma\",,panel,08/07/2026,9.30,10:15,,,,0,,,,,,,"));

        assertThat(preview.fileProblems()).isEmpty();
        assertThat(problemTexts(preview)).containsExactly(
                "2 reference: Enter a reference, like CPW-014. It is how Convene finds the session again when you "
                        + "import the file another time",
                "3 title: Enter a title",
                "4 format: Format must be one of Webinar, Workshop, Talk, Panel discussion, Social, Performance or "
                        + "Drop-in",
                "5 date: Date must be a real date written as YYYY-MM-DD, like 2026-07-08",
                "6 start: Start must be a time on the 24-hour clock, like 09:30 or 14:30",
                "7 end: The end time must be after the start time",
                "8 date: The session must take place during the conference, between Monday 6 July 2026 and "
                        + "Friday 10 July 2026",
                "9 joining link: Enter the joining link as a web address starting with https://, like "
                        + "https://zoom.us/j/123",
                "10 places: Places must be a whole number, 1 or more",
                "11 bsl: BSL must be yes or no",
                "12 facilitator emails: Nobody has an account with the email address nobody-" + fixture.tag()
                        + "@example.org. Ask them to sign up to Convene first, or leave them out",
                "13 reference: Reference " + ref("A11") + " is also used on line 12. Give each session its own "
                        + "reference",
                "14 reference: Reference must be up to 64 letters, numbers, dots, dashes or underscores, like CPW-014",
                "15 places: Places must be a whole number, 1 or more");
        CsvImportRow quoted = preview.rows().getLast();
        assertThat(quoted.draft().title()).isEqualTo("A title, with a comma");
        assertThat(quoted.draft().format()).isEqualTo(SessionFormat.PANEL);
        assertThat(quoted.draft().startsAt()).isEqualTo(Instant.parse("2026-07-08T08:30:00Z"));
        assertThat(preview.rowsWithProblems()).isEqualTo(14);
        assertThat(preview.canConfirm()).isFalse();
        assertThatThrownBy(() -> imports.confirm(preview, CsvImportProgress.NONE))
                .isInstanceOf(CsvImportConflictException.class);
        assertThat(sessionCount()).isZero();
    }

    @Test
    void a_time_the_clocks_skip_is_a_problem_and_times_are_read_in_the_conferences_zone() {
        // UK clocks go forward at 01:00 GMT on Sunday 29 March 2026: 01:30 does not happen that night
        ConferenceSummary spring = fixture.conference("Spring Week", "Europe/London", LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 3, 31));

        CsvImportPreview preview = imports.preview(spring.id(), csv(HEADER,
                ref("D1") + ",Night owls,,Social,2026-03-29,01:30,03:00,,,,,,,,,,,",
                ref("D2") + ",Before,,Social,2026-03-28,10:00,11:00,,,,,,,,,,,",
                ref("D3") + ",After,,Social,2026-03-30,10:00,11:00,,,,,,,,,,,"), CsvImportProgress.NONE);

        assertThat(problemTexts(preview)).containsExactly("2 start: There is no 01:30 on that day, because the "
                + "clocks go forward an hour. Choose another time");
        assertThat(preview.rows().get(1).draft().startsAt()).isEqualTo(Instant.parse("2026-03-28T10:00:00Z"));
        assertThat(preview.rows().get(2).draft().startsAt()).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    }

    @Test
    void formats_are_recognised_by_label_or_code_and_yes_no_in_many_spellings() {
        CsvImportPreview preview = preview(csv(HEADER,
                ref("F1") + ",One,,WEBINAR,2026-07-08,10:00,11:00,,,,,Y,true,1,yes,n",
                ref("F2") + ",Two,,Panel discussion,2026-07-08,10:00,11:00,,,,,N,false,0,no,YES",
                ref("F3") + ",Three,,drop in,2026-07-08,10:00,11:00,,,,,,,,,"));

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.rows()).extracting(r -> r.draft().format())
                .containsExactly(SessionFormat.WEBINAR, SessionFormat.PANEL, SessionFormat.DROP_IN);
        assertThat(preview.rows().get(0).draft().access()).containsExactlyInAnyOrder(AccessFeature.BSL_INTERPRETATION,
                AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ, AccessFeature.AUDIO_OR_PHONE);
        assertThat(preview.rows().get(1).draft().access()).containsExactly(AccessFeature.BUILT_IN_BREAKS);
        assertThat(preview.rows().get(2).draft().access()).isEmpty();
    }

    @Test
    void file_problems_are_named_for_the_whole_file() {
        assertThat(preview(new byte[0]).fileProblems()).singleElement().asString().startsWith("The file is empty");
        assertThat(preview(csv("reference,title,format")).fileProblems()).singleElement().asString()
                .isEqualTo("The file has no 'date', 'start', 'end' columns. Every import needs them: add them as in "
                        + "the template and upload the file again.");
        assertThat(preview(csv("name,when", "a,b")).fileProblems()).singleElement().asString()
                .startsWith("The first line of the file must name the columns");
        assertThat(preview(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3}).fileProblems()).singleElement().asString()
                .startsWith("This is an Excel workbook, not a CSV file");
        assertThat(preview((HEADER + "\n" + validRow(ref("W1"), "Caf\u00e9 chat")).getBytes(Charset.forName("windows-1252")))
                .fileProblems()).singleElement().asString().startsWith("The file is not saved as UTF-8");
        assertThat(preview(csv(HEADER)).fileProblems()).singleElement().asString()
                .startsWith("The file has the column names but no sessions");
        assertThat(preview(csv(HEADER + ",title")).fileProblems()).singleElement().asString()
                .isEqualTo("The column 'title' is in the file twice. Keep one and upload the file again.");
        assertThat(preview(new byte[CsvImportService.MAX_BYTES + 1]).fileProblems()).singleElement().asString()
                .startsWith("The file is larger than 5 MB");

        StringBuilder tooMany = new StringBuilder(HEADER);
        for (int i = 0; i <= CsvImportService.MAX_ROWS; i++) {
            tooMany.append('\n').append(validRow("R" + i, "Session " + i));
        }
        CsvImportPreview large = preview(tooMany.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(large.fileProblems()).containsExactly("The file has 5,001 sessions. Convene imports up to 5,000 "
                + "at a time: split the file and import the parts one after another.");
        assertThat(large.rows()).isEmpty();
    }

    @Test
    void unknown_columns_are_a_warning_and_ignored() {
        CsvImportPreview preview = preview(csv(HEADER + ",our notes", validRow(ref("U1"), "One") + ",call Sam"));

        assertThat(preview.warnings()).containsExactly("Convene does not know the column 'our notes', so it will be "
                + "ignored.");
        assertThat(preview.canConfirm()).isTrue();
    }

    @Test
    void excel_files_from_european_locales_with_semicolons_bom_and_crlf_are_read() {
        String text = "\uFEFF" + HEADER.replace(',', ';') + "\r\n"
                + ref("S1") + ";\"Caf\u00e9 chat; with tea\";\"Line one\r\nline two\";Social;2026-07-09;15:00;16:00;"
                + "Wellbeing;;https://meet.example.org/cafe;12;no;yes;no;no;yes;Step-free;\r\n"
                + ref("S2") + ";Second;;Talk;2026-07-09;16:00;17:00;;;;;;;;;;;\r\n";

        CsvImportPreview preview = preview(text.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.fileProblems()).isEmpty();
        assertThat(preview.problems()).isEmpty();
        CsvImportRow first = preview.rows().getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.draft().reference()).isEqualTo(ref("S1"));
        assertThat(first.draft().title()).isEqualTo("Caf\u00e9 chat; with tea");
        assertThat(first.draft().summaryMarkdown()).isEqualTo("Line one\nline two");
        assertThat(first.draft().capacity()).isEqualTo(12);
        assertThat(first.trackName()).isEqualTo("Wellbeing");
        // a quoted line break moves the next row down a line in the spreadsheet's numbering
        assertThat(preview.rows().get(1).line()).isEqualTo(4);
    }

    // ---- preview, confirm, re-import ----------------------------------------------------------------------------

    @Test
    void nothing_is_written_until_the_import_is_confirmed() {
        CsvImportPreview preview = preview(csv(HEADER, validRow(ref("N1"), "One").replace(",,,https", ",New track,,https")));

        assertThat(preview.canConfirm()).isTrue();
        assertThat(sessionCount()).isZero();
        assertThat(db.fetchCount(TRACK, TRACK.CONFERENCE_ID.eq(week.id()))).isZero();

        CsvImportResult result = imports.confirm(preview, CsvImportProgress.NONE);

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.tracksCreated()).isEqualTo(1);
        assertThat(sessionCount()).isEqualTo(1);
    }

    @Test
    void importing_the_same_file_again_changes_nothing_and_an_edited_file_updates_in_place() {
        TrackRef health = fixture.track(week, "Health", 0);
        ConveneUser facilitator = fixture.user("Fay Facilitator");
        byte[] file = csv(HEADER,
                ref("R1") + ",One,About one,Webinar,2026-07-08,10:00,11:00,health,,https://zoom.us/j/1,20,yes,no,no,"
                        + "no,no,Notes," + facilitator.email().toUpperCase(),
                ref("R2") + ",Two,,Talk,2026-07-08,12:00,13:00,,,,,,,,,,,");
        imports.confirm(preview(file), CsvImportProgress.NONE);
        long one = db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.REFERENCE.eq(ref("R1"))).fetchSingle().value1();
        assertThat(db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(one)).getTrackId()).isEqualTo(health.id());
        assertThat(db.select(PERSON.USER_ID).from(SESSION_PERSON).join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(one), SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR)).fetch(PERSON.USER_ID))
                .containsExactly(facilitator.id());

        CsvImportPreview again = preview(file);

        assertThat(again.rows()).extracting(CsvImportRow::action)
                .containsOnly(CsvImportRow.Action.UNCHANGED);
        CsvImportResult same = imports.confirm(again, CsvImportProgress.NONE);
        assertThat(same.unchanged()).isEqualTo(2);
        assertThat(same.created()).isZero();
        assertThat(sessionCount()).isEqualTo(2);

        byte[] edited = csv(HEADER,
                ref("R1") + ",One (moved),About one,Webinar,2026-07-08,14:00,15:00,health,,https://zoom.us/j/1,20,yes,"
                        + "no,no,no,no,Notes,",
                ref("R2") + ",Two,,Talk,2026-07-08,12:00,13:00,,,,,,,,,,,",
                ref("R3") + ",Three,,Talk,2026-07-09,12:00,13:00,,,,,,,,,,,");
        CsvImportPreview changed = preview(edited);

        assertThat(changed.rows()).extracting(CsvImportRow::action).containsExactly(CsvImportRow.Action.UPDATE,
                CsvImportRow.Action.UNCHANGED, CsvImportRow.Action.CREATE);
        assertThat(changed.rows().getFirst().changedColumns())
                .containsExactly("title", "start", "end", "facilitator emails");
        CsvImportResult result = imports.confirm(changed, CsvImportProgress.NONE);
        assertThat(result).extracting(CsvImportResult::created, CsvImportResult::updated, CsvImportResult::unchanged)
                .containsExactly(1, 1, 1);
        assertThat(sessionCount()).isEqualTo(3);
        var moved = db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(one));
        assertThat(moved.getTitle()).isEqualTo("One (moved)");
        assertThat(moved.getStartsAt()).isEqualTo(Instant.parse("2026-07-08T13:00:00Z"));
        assertThat(db.fetchCount(SESSION_PERSON, SESSION_PERSON.SESSION_ID.eq(one))).isZero();
    }

    @Test
    void columns_left_out_of_the_file_keep_the_sessions_values() {
        HostRef host = fixture.host("Tenants Union");
        long id = fixture.session(week, "Kept").at(Instant.parse("2026-07-08T09:00:00Z"),
                Instant.parse("2026-07-08T10:00:00Z")).host(host).capacity(30).access(AccessFeature.EASY_READ)
                .joinUrl("https://zoom.us/j/9").create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REFERENCE, ref("K1")).where(PROGRAMME_SESSION.ID.eq(id))
                .execute();

        CsvImportPreview preview = preview(csv("reference,title,format,date,start,end",
                ref("K1") + ",Kept and renamed,Webinar,2026-07-08,10:00,11:00"));

        assertThat(preview.rows().getFirst().action()).isEqualTo(CsvImportRow.Action.UPDATE);
        assertThat(preview.rows().getFirst().changedColumns()).containsExactly("title");
        imports.confirm(preview, CsvImportProgress.NONE);
        var session = db.fetchSingle(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(id));
        assertThat(session.getTitle()).isEqualTo("Kept and renamed");
        assertThat(session.getHostId()).isEqualTo(host.id());
        assertThat(session.getCapacity()).isEqualTo(30);
        assertThat(session.getEasyRead()).isTrue();
        assertThat(session.getJoinUrl()).isEqualTo("https://zoom.us/j/9");
    }

    @Test
    void raising_the_places_by_import_gives_them_to_the_people_waiting_in_the_same_transaction() {
        long id = fixture.session(week, "Small circle").at(Instant.parse("2026-07-08T09:00:00Z"),
                Instant.parse("2026-07-08T10:00:00Z")).capacity(1).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REFERENCE, ref("P1")).where(PROGRAMME_SESSION.ID.eq(id))
                .execute();
        ConveneUser holder = fixture.account("Hana Holder");
        ConveneUser waiting = fixture.account("Wes Waiting");
        AccountFixtures.actAs(holder);
        agenda.add(id);
        AccountFixtures.actAs(waiting);
        assertThat(agenda.joinWaitingList(id)).isEqualTo(org.convene.agenda.AddOutcome.WAITING);
        AccountFixtures.actAs(organiser);

        imports.confirm(preview(csv("reference,title,format,date,start,end,places",
                ref("P1") + ",Small circle,Webinar,2026-07-08,10:00,11:00,2")), CsvImportProgress.NONE);

        assertThat(db.fetchExists(AGENDA_ITEM, AGENDA_ITEM.SESSION_ID.eq(id), AGENDA_ITEM.USER_ID.eq(waiting.id())))
                .isTrue();
        assertThat(db.fetchCount(WAITING_LIST_ENTRY, WAITING_LIST_ENTRY.SESSION_ID.eq(id))).isZero();
        assertThat(db.fetchExists(PLACE_GIVEN, PLACE_GIVEN.SESSION_ID.eq(id), PLACE_GIVEN.USER_ID.eq(waiting.id())))
                .as("told on their agenda").isTrue();
    }

    @Test
    void a_session_changed_after_the_preview_refuses_the_whole_import() {
        imports.confirm(preview(csv(HEADER, validRow(ref("V1"), "One"))), CsvImportProgress.NONE);
        CsvImportPreview preview = preview(csv(HEADER, validRow(ref("V1"), "One renamed"), validRow(ref("V2"), "Two")));
        assertThat(preview.rows()).extracting(CsvImportRow::action)
                .containsExactly(CsvImportRow.Action.UPDATE, CsvImportRow.Action.CREATE);
        // someone edits the session in the editor meanwhile
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.TITLE, "Edited by a colleague")
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.REFERENCE.eq(ref("V1"))).execute();

        assertThatThrownBy(() -> imports.confirm(preview, CsvImportProgress.NONE))
                .isInstanceOf(CsvImportConflictException.class)
                .hasMessage("Session " + ref("V1") + " was changed by someone else after you checked the file, so "
                        + "nothing has been imported. Upload the file again to check it against the programme as "
                        + "it is now.");

        assertThat(sessionCount()).isEqualTo(1);
        assertThat(db.select(PROGRAMME_SESSION.TITLE).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.REFERENCE.eq(ref("V1"))).fetchSingle().value1())
                .isEqualTo("Edited by a colleague");
    }

    @Test
    void a_write_that_fails_part_way_leaves_nothing_written() {
        CsvImportPreview checked = preview(csv(HEADER,
                validRow(ref("T1"), "One").replace(",,,https", ",Brand new track,,https"),
                validRow(ref("T2"), "Two")));
        assertThat(checked.canConfirm()).isTrue();
        // a second row the database refuses (a blank title) after the first has been written
        CsvImportRow second = checked.rows().get(1);
        SessionDraft d = second.draft();
        CsvImportRow broken = new CsvImportRow(second.line(), second.action(),
                new SessionDraft(d.conferenceId(), d.reference(), " ", d.summaryMarkdown(), d.format(), d.startsAt(),
                        d.endsAt(), null, null, d.joinUrl(), null, d.access(), null),
                null, false, null, false, null, null, null, List.of(), List.of());
        CsvImportPreview preview = new CsvImportPreview(checked.conferenceId(), checked.conferenceName(),
                checked.userId(), List.of(), List.of(), List.of(checked.rows().getFirst(), broken));

        assertThatThrownBy(() -> imports.confirm(preview, CsvImportProgress.NONE))
                .isInstanceOf(RuntimeException.class);

        assertThat(sessionCount()).isZero();
        assertThat(db.fetchCount(TRACK, TRACK.CONFERENCE_ID.eq(week.id()))).isZero();
    }

    // ---- who may import what ------------------------------------------------------------------------------------

    @Test
    void a_coordinator_may_import_only_their_own_organisations_sessions() {
        HostRef mine = fixture.host("Mind Leeds");
        HostRef theirs = fixture.host("Age Concern");
        ConveneUser coordinator = fixture.account("Cam Coordinator", Role.HOST);
        fixture.coordinate(coordinator, mine);
        long others = fixture.session(week, "Theirs").at(Instant.parse("2026-07-08T09:00:00Z"),
                Instant.parse("2026-07-08T10:00:00Z")).host(theirs).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REFERENCE, ref("H4")).where(PROGRAMME_SESSION.ID.eq(others))
                .execute();
        AccountFixtures.actAs(coordinator);
        String base = ",Webinar,2026-07-08,10:00,11:00,,";

        CsvImportPreview preview = preview(csv(HEADER,
                ref("H1") + ",Mine,About" + base + mine.name().toUpperCase() + ",,,,,,,,,",
                ref("H2") + ",Theirs,About" + base + theirs.name() + ",,,,,,,,,",
                ref("H3") + ",Nobody's,About" + base + "No Such Org " + fixture.tag() + ",,,,,,,,,",
                ref("H4") + ",Take over,About" + base + mine.name() + ",,,,,,,,,",
                ref("H5") + ",No host,About" + base + ",,,,,,,,,"));

        String only = "You can only import sessions for " + mine.name();
        assertThat(problemTexts(preview)).containsExactly(
                "3 host: " + only,
                "4 host: There is no host organisation called No Such Org " + fixture.tag() + ". " + only,
                "5 reference: Session " + ref("H4") + " belongs to another host organisation. " + only,
                "6 host: " + only);
        assertThat(preview.rows().getFirst().problems()).isEmpty();
        assertThat(preview.rows().getFirst().hostName()).isEqualTo(mine.name());

        CsvImportPreview good = preview(csv(HEADER, ref("H1") + ",Mine,About" + base + mine.name() + ",,,,,,,,,"));
        // removed as a coordinator between preview and confirm
        db.deleteFrom(HOST_COORDINATOR).where(HOST_COORDINATOR.USER_ID.eq(coordinator.id())).execute();
        assertThatThrownBy(() -> imports.confirm(good, CsvImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(sessionCount()).isEqualTo(1);
    }

    @Test
    void an_organisers_unknown_host_becomes_a_new_organisation_on_confirm() {
        String name = "Brand New Collective " + fixture.tag();
        hostNamesToRemove.add(name);
        CsvImportPreview preview = preview(csv(HEADER,
                validRow(ref("O1"), "One").replace(",,,https", ",," + name + ",https"),
                validRow(ref("O2"), "Two").replace(",,,https", ",," + name.toLowerCase() + ",https")));

        assertThat(preview.rows()).extracting(CsvImportRow::newHost, CsvImportRow::hostName)
                .containsExactly(tuple(true, name), tuple(true, name));
        assertThat(db.fetchCount(HOST_ORGANISATION, HOST_ORGANISATION.NAME.eq(name))).isZero();

        CsvImportResult result = imports.confirm(preview, CsvImportProgress.NONE);

        assertThat(result.hostsCreated()).isEqualTo(1);
        long hostId = db.select(HOST_ORGANISATION.ID).from(HOST_ORGANISATION).where(HOST_ORGANISATION.NAME.eq(name))
                .fetchSingle().value1();
        assertThat(db.fetch(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))
                .getValues(PROGRAMME_SESSION.HOST_ID)).containsOnly(hostId);
    }

    @Test
    void people_without_a_role_may_not_import() {
        AccountFixtures.actAs(fixture.user("Ada Attendee"));

        assertThatThrownBy(() -> preview(csv(HEADER, validRow(ref("X1"), "One"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(imports.mayImport()).isFalse();
    }

    // ---- large files --------------------------------------------------------------------------------------------

    @Test
    void a_file_of_five_thousand_sessions_is_checked_and_written_with_progress() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < CsvImportService.MAX_ROWS; i++) {
            int minute = i % 600;
            String start = String.format("%02d:%02d", 9 + minute / 60, minute % 60);
            String end = String.format("%02d:%02d", 10 + minute / 60, minute % 60);
            file.writeBytes((ref("L" + i) + ",Session " + i + ",,Talk," + String.format("2026-07-%02d", 6 + i % 5) + "," + start + ","
                    + end + ",Track " + (i % 4) + ",,https://zoom.us/j/" + i + ",,no,yes,no,no,no,,\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger totalSeen = new AtomicInteger();

        CsvImportPreview preview = imports.preview(week.id(), file.toByteArray(), (stage, done, total) -> {
            if (stage == CsvImportProgress.Stage.CHECKING) {
                checked.set(done);
                totalSeen.set(total);
            }
        });
        assertThat(preview.problems()).isEmpty();
        assertThat(checked.get()).isEqualTo(5_000);
        assertThat(totalSeen.get()).isEqualTo(5_000);

        CsvImportResult result = imports.confirm(preview, (stage, done, total) -> written.set(done));

        assertThat(written.get()).isEqualTo(5_000);
        assertThat(result.created()).isEqualTo(5_000);
        assertThat(result.tracksCreated()).isEqualTo(4);
        assertThat(sessionCount()).isEqualTo(5_000);
    }

    @Test
    void a_nul_or_control_character_in_a_cell_is_a_problem_of_its_row_and_column() {
        CsvImportPreview preview = preview(csv(HEADER,
                validRow(ref("Z1"), "Peer\u0007support"),
                validRow(ref("Z2"), "Two").replace(",,,https", ",Main\u001Bstage,,https"),
                validRow(ref("Z3"), "Three").replace(",,,https", ",,Carers\u0007,https"),
                validRow(ref("Z4"), "Four") + "x\u0085@example.org"));

        assertThat(problemTexts(preview)).containsExactly(
                "2 title: " + "The title contains a character that cannot be stored (a control character). Remove it and try again.",
                "3 track: " + "The track contains a character that cannot be stored (a control character). Remove it and try again.",
                "4 host: " + "The host contains a character that cannot be stored (a control character). Remove it and try again.",
                "5 facilitator emails: " + "One of the facilitator email addresses contains a character that cannot be stored (a control character). Remove it and try again.");
        assertThat(preview.canConfirm()).isFalse();
        // a NUL anywhere means the file is not text at all, which the file check says before any row is read
        assertThat(preview(csv(HEADER, validRow(ref("Z5"), "Peer\u0000support"))).fileProblems())
                .containsExactly("This is not a CSV file. Save your spreadsheet as 'CSV UTF-8' and upload that file.");
    }
}
