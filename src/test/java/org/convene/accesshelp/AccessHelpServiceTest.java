package org.convene.accesshelp;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.HostRef;
import org.convene.programme.ConferenceSummary;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.ACCESS_HELP_SIGNAL;

@IntegrationTest
class AccessHelpServiceTest {

    @Autowired
    AccessHelpService service;
    @Autowired
    AccessHelpFeed feed;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser attendee;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        attendee = data.user();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private SaveResult<HelpKind> send(ConveneUser user, HelpKind kind, String note) {
        actAs(user);
        try {
            return service.send(session, kind, note);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HelpSummary recentAs(ConveneUser user) {
        actAs(user);
        try {
            return service.recent(session);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_signal_is_stored_with_its_kind_time_and_note_and_counted_for_the_facilitators() {
        Instant now = Instant.now();
        clock.set(now);

        assertThat(send(attendee, HelpKind.CAPTIONS_STOPPED, null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(send(data.user(), HelpKind.CAPTIONS_STOPPED, null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(send(attendee, HelpKind.SOMETHING_ELSE, "  The slides are too small  "))
                .isInstanceOf(SaveResult.Saved.class);

        var rows = db.selectFrom(ACCESS_HELP_SIGNAL).where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(session))
                .orderBy(ACCESS_HELP_SIGNAL.ID).fetch();
        assertThat(rows).extracting(r -> r.getKind()).containsExactly(HelpKind.CAPTIONS_STOPPED,
                HelpKind.CAPTIONS_STOPPED, HelpKind.SOMETHING_ELSE);
        assertThat(rows.getLast().getNote()).isEqualTo("The slides are too small");
        assertThat(rows.getFirst().getUserId()).isEqualTo(attendee.id());

        HelpSummary recent = recentAs(facilitator);
        assertThat(recent.count(HelpKind.CAPTIONS_STOPPED)).isEqualTo(2);
        assertThat(recent.count(HelpKind.SOMETHING_ELSE)).isEqualTo(1);
        assertThat(recent.count(HelpKind.TOO_FAST)).isZero();
        assertThat(recent.notes()).extracting(HelpNote::text).containsExactly("The slides are too small");
    }

    @Test
    void a_note_is_kept_only_with_something_else_and_an_empty_note_is_fine() {
        send(attendee, HelpKind.TOO_FAST, "ignored words");
        send(attendee, HelpKind.SOMETHING_ELSE, "   ");

        assertThat(db.select(ACCESS_HELP_SIGNAL.NOTE).from(ACCESS_HELP_SIGNAL)
                .where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(session)).fetch(ACCESS_HELP_SIGNAL.NOTE))
                .containsOnlyNulls().hasSize(2);
    }

    @Test
    void a_note_over_the_limit_is_refused_with_a_message_and_nothing_is_stored() {
        SaveResult<HelpKind> result = send(attendee, HelpKind.SOMETHING_ELSE, "x".repeat(AccessHelpLimits.TEXT_MAX + 1));

        assertThat(result).isInstanceOfSatisfying(SaveResult.Invalid.class, invalid -> assertThat(invalid.problems())
                .containsEntry(AccessHelpService.NOTE, "Your note must be 200 characters or fewer. It has 201."));
        assertThat(db.fetchCount(ACCESS_HELP_SIGNAL, ACCESS_HELP_SIGNAL.SESSION_ID.eq(session))).isZero();
    }

    @Test
    void the_database_refuses_a_note_over_the_limit_too() {
        assertThatThrownBy(() -> db.insertInto(ACCESS_HELP_SIGNAL)
                .set(ACCESS_HELP_SIGNAL.SESSION_ID, session).set(ACCESS_HELP_SIGNAL.KIND, HelpKind.SOMETHING_ELSE)
                .set(ACCESS_HELP_SIGNAL.NOTE, "x".repeat(AccessHelpLimits.TEXT_MAX + 1))
                .set(ACCESS_HELP_SIGNAL.SENT_AT, Instant.now()).execute())
                .hasMessageContaining("check");
        db.insertInto(ACCESS_HELP_SIGNAL)
                .set(ACCESS_HELP_SIGNAL.SESSION_ID, session).set(ACCESS_HELP_SIGNAL.KIND, HelpKind.SOMETHING_ELSE)
                .set(ACCESS_HELP_SIGNAL.NOTE, "x".repeat(AccessHelpLimits.TEXT_MAX))
                .set(ACCESS_HELP_SIGNAL.SENT_AT, Instant.now()).execute();
    }

    @Test
    void one_person_may_send_only_so_many_in_a_few_minutes_and_may_send_again_later() {
        Instant now = Instant.now();
        clock.set(now);
        for (int i = 0; i < AccessHelpLimits.SIGNALS_PER_PERSON; i++) {
            send(attendee, HelpKind.TOO_FAST, null);
        }

        assertThatThrownBy(() -> send(attendee, HelpKind.CANNOT_HEAR, null))
                .isInstanceOfSatisfying(AccessHelpException.class, e -> {
                    assertThat(e.code()).isEqualTo(AccessHelpException.Code.RATE_LIMITED);
                    assertThat(e.getMessage()).startsWith("You have sent 5 messages in the last 5 minutes.");
                });
        // someone else is not held back by them
        assertThat(send(data.user(), HelpKind.CANNOT_HEAR, null)).isInstanceOf(SaveResult.Saved.class);

        clock.set(now.plus(AccessHelpLimits.PERSON_WINDOW).plusSeconds(1));
        assertThat(send(attendee, HelpKind.CANNOT_HEAR, null)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void signals_are_taken_from_shortly_before_the_start_until_the_end_only() {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long later = data.session(data.conference("Europe/London", LocalDate.now(), LocalDate.now().plusDays(1)),
                TestData.unique("Later"), start, start.plus(Duration.ofHours(1)));
        actAs(attendee);

        clock.set(start.minus(Duration.ofMinutes(11)));
        assertThatThrownBy(() -> service.send(later, HelpKind.CANNOT_HEAR, null))
                .isInstanceOfSatisfying(AccessHelpException.class,
                        e -> assertThat(e.code()).isEqualTo(AccessHelpException.Code.CLOSED));
        clock.set(start.minus(Duration.ofMinutes(10)));
        assertThat(service.send(later, HelpKind.CANNOT_HEAR, null)).isInstanceOf(SaveResult.Saved.class);
        clock.set(start.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> service.send(later, HelpKind.CANNOT_HEAR, null))
                .isInstanceOf(AccessHelpException.class)
                .hasMessage("You can tell the facilitator from shortly before the session starts until it ends.");
    }

    @Test
    void someone_not_signed_in_is_asked_to_log_in() {
        assertThatThrownBy(() -> service.send(session, HelpKind.CANNOT_HEAR, null))
                .isInstanceOfSatisfying(AccessHelpException.class, e -> {
                    assertThat(e.code()).isEqualTo(AccessHelpException.Code.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).isEqualTo("Log in to tell the facilitator.");
                });
    }

    @Test
    void only_facilitators_hosts_and_organisers_may_read_the_counts() {
        send(attendee, HelpKind.CANNOT_HEAR, null);

        assertThat(recentAs(facilitator).count(HelpKind.CANNOT_HEAR)).isEqualTo(1);
        assertThat(recentAs(data.user(Role.ORGANISER)).count(HelpKind.CANNOT_HEAR)).isEqualTo(1);
        assertThatThrownBy(() -> recentAs(attendee)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only this session's facilitators, its host organisation and organisers can see what "
                        + "attendees asked for.");
        // a facilitator of another session is a stranger here
        ConveneUser elsewhere = data.user(Role.FACILITATOR);
        data.facilitate(data.liveSession(), elsewhere);
        assertThatThrownBy(() -> recentAs(elsewhere)).isInstanceOf(AccessDeniedException.class);
        actAs(attendee);
        assertThat(service.maySee(session)).isFalse();
        assertThatThrownBy(() -> service.totals(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> feed.watch(session, s -> { })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_coordinators_of_the_sessions_host_may_read_the_report() {
        ProgrammeFixture fixture = new ProgrammeFixture(db);
        try {
            ConferenceSummary conference = fixture.conference("Help week", "Europe/London", LocalDate.now(),
                    LocalDate.now().plusDays(1));
            HostRef host = fixture.host("Deaf Access Group");
            long hosted = fixture.session(conference, "Hosted").at(Instant.now().minusSeconds(60),
                    Instant.now().plusSeconds(3600)).host(host).create();
            actAs(fixture.coordinator(host));
            assertThat(service.maySee(hosted)).isTrue();
            actAs(fixture.coordinator(fixture.host("Other Group")));
            assertThat(service.maySee(hosted)).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
            fixture.cleanUp();
        }
    }

    @Test
    void recent_counts_cover_only_the_last_few_minutes() {
        Instant now = Instant.now();
        clock.set(now.minus(AccessHelpLimits.RECENT_WINDOW).minusSeconds(30));
        send(attendee, HelpKind.TOO_FAST, null);
        send(attendee, HelpKind.SOMETHING_ELSE, "Old news");
        clock.set(now);
        send(data.user(), HelpKind.TOO_FAST, null);

        HelpSummary recent = recentAs(facilitator);
        assertThat(recent.count(HelpKind.TOO_FAST)).isEqualTo(1);
        assertThat(recent.notes()).isEmpty();
        assertThat(recent.total()).isEqualTo(1);
    }

    @Test
    void the_report_totals_count_every_kind_over_the_whole_session_with_first_and_last_times_and_a_csv() throws Exception {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        long past = data.session(data.conference("Europe/London", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1)),
                TestData.unique("Past"), now, now.plus(Duration.ofHours(1)));
        data.facilitate(past, facilitator);
        actAs(attendee);
        clock.set(now.plusSeconds(60));
        service.send(past, HelpKind.CAPTIONS_STOPPED, null);
        clock.set(now.plus(Duration.ofMinutes(40)));
        service.send(past, HelpKind.CAPTIONS_STOPPED, null);
        service.send(past, HelpKind.SOMETHING_ELSE, "Sound is echoing");

        actAs(facilitator);
        HelpTotals totals = service.totals(past);
        assertThat(totals.total()).isEqualTo(3);
        assertThat(totals.kinds()).extracting(HelpTotals.KindTotal::kind).containsExactly(HelpKind.values());
        HelpTotals.KindTotal captions = totals.kinds().getFirst();
        assertThat(captions.count()).isEqualTo(2);
        assertThat(captions.first()).isEqualTo(now.plusSeconds(60));
        assertThat(captions.last()).isEqualTo(now.plus(Duration.ofMinutes(40)));
        assertThat(totals.kinds().get(1).count()).isZero();
        assertThat(totals.notes()).extracting(HelpNote::text).containsExactly("Sound is echoing");

        StringWriter csv = new StringWriter();
        service.writeCsv(past, csv);
        assertThat(csv.toString().split("\r\n")).containsExactly(
                "Signal,Times sent,First sent (UTC),Last sent (UTC)",
                "Captions have stopped,2,2026-06-01T10:01:00Z,2026-06-01T10:40:00Z",
                "I cannot hear,0,,",
                "Too fast,0,,",
                "I need a break,0,,",
                "I cannot see the interpreter,0,,",
                "Something else,1,2026-06-01T10:40:00Z,2026-06-01T10:40:00Z");
    }

    @Test
    void the_live_feed_reads_once_per_change_and_hands_it_to_every_watcher_on_the_node() {
        List<HelpSummary> first = new CopyOnWriteArrayList<>();
        List<HelpSummary> second = new CopyOnWriteArrayList<>();
        actAs(facilitator);
        AccessHelpFeed.Registration one = feed.watch(session, first::add);
        AccessHelpFeed.Registration two = feed.watch(session, second::add);
        try {
            send(attendee, HelpKind.CANNOT_SEE_INTERPRETER, null);

            await().atMost(Duration.ofSeconds(10)).until(() -> !first.isEmpty() && !second.isEmpty());
            assertThat(first.getLast().count(HelpKind.CANNOT_SEE_INTERPRETER)).isEqualTo(1);
            // the same read, not one per watcher
            assertThat(second.getLast()).isSameAs(first.getLast());
        } finally {
            one.close();
            two.close();
        }
        assertThat(feed.isWatched(session)).isFalse();
    }

    @Test
    void only_the_sessions_hosts_and_organisers_may_set_the_bsl_video_and_everyone_may_read_it() {
        actAs(attendee);
        assertThatThrownBy(() -> service.setBslVideo(session, "https://vimeo.com/123456"))
                .isInstanceOf(AccessDeniedException.class);
        // facilitating a session is not managing it
        actAs(facilitator);
        assertThatThrownBy(() -> service.setBslVideo(session, "https://vimeo.com/123456"))
                .isInstanceOf(AccessDeniedException.class);

        actAs(data.user(Role.ORGANISER));
        assertThat(service.setBslVideo(session, " https://vimeo.com/123456 ")).isInstanceOf(SaveResult.Saved.class);
        SecurityContextHolder.clearContext();
        assertThat(service.bslVideo(session)).hasValue("https://vimeo.com/123456");
    }
}
