package org.convene.recordings;

import org.convene.agenda.AgendaService;
import org.convene.organising.SessionChangeService;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class RecordingServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);
    private static final Instant MONDAY_EVENING = MONDAY.atTime(20, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();

    @Autowired
    RecordingService recordings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SessionChangeService changes;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    TrackRef health;
    HostRef carers;
    HostRef council;
    long morning;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Recordings week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = fixture.track(week, "Health", 1);
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        morning = fixture.session(week, "Caring at home").at(at(0, 10), at(0, 11)).host(carers).create();
        clock.set(MONDAY_EVENING);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private LocalDateTime at(int day, int hour) {
        return MONDAY.plusDays(day).atTime(hour, 0);
    }

    private ConveneUser organiser() {
        return fixture.account("Olu Organiser", Role.ORGANISER);
    }

    private ConveneUser coordinatorOf(HostRef host) {
        return fixture.coordinator("Hana Host", host);
    }

    private int version(long sessionId) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
    }

    private static RecordingDraft draft(String url) {
        return new RecordingDraft(url, "https://video.example.org/care.vtt", "https://video.example.org/care.txt",
                "We talked about caring at home.");
    }

    @Test
    void the_host_publishes_a_recording_with_its_formats_after_the_session_and_the_version_rises() {
        AccountFixtures.actAs(coordinatorOf(carers));
        int before = version(morning);

        RecordingResult result = recordings.publish(morning, before, draft(" https://video.example.org/care.mp4 "));

        assertThat(result).isEqualTo(new RecordingResult.Saved(before + 1));
        RecordingEdit saved = recordings.forEditing(morning);
        assertThat(saved.current()).isEqualTo(draft("https://video.example.org/care.mp4"));
        assertThat(saved.publishedAt()).isEqualTo(MONDAY_EVENING);
        assertThat(saved.version()).isEqualTo(before + 1);
    }

    @Test
    void a_recording_cannot_be_published_before_the_session_ends() {
        AccountFixtures.actAs(organiser());
        clock.set(at(0, 10).plusMinutes(30).atZone(week.timeZone()).toInstant());

        RecordingResult result = recordings.publish(morning, version(morning), draft("https://video.example.org/a"));

        assertThat(result).isInstanceOf(RecordingResult.Refused.class);
        assertThat(((RecordingResult.Refused) result).message()).contains("once the session has ended");
        assertThat(recordings.forEditing(morning).published()).isFalse();
    }

    @Test
    void a_cancelled_session_gets_no_recording() {
        AccountFixtures.actAs(organiser());
        changes.cancel(morning, version(morning), "Speaker unwell");

        RecordingResult result = recordings.publish(morning, version(morning), draft("https://video.example.org/a"));

        assertThat(result).isInstanceOf(RecordingResult.Refused.class);
        assertThat(((RecordingResult.Refused) result).message()).contains("cancelled");
    }

    @Test
    void addresses_that_are_not_web_addresses_are_refused_field_by_field_with_govuk_messages() {
        AccountFixtures.actAs(organiser());
        int before = version(morning);

        RecordingResult result = recordings.publish(morning, before,
                new RecordingDraft("", "captions.vtt", "ftp://example.org/t", "x".repeat(5001)));

        assertThat(result).isInstanceOf(RecordingResult.Invalid.class);
        assertThat(((RecordingResult.Invalid) result).problems()).containsExactly(
                new RecordingResult.Problem(RecordingDraft.Field.URL, "Enter the address of the recording"),
                new RecordingResult.Problem(RecordingDraft.Field.CAPTIONS_URL,
                        "Enter the captions file’s address as a web address starting with https://, like https://example.org/captions.vtt"),
                new RecordingResult.Problem(RecordingDraft.Field.TRANSCRIPT_URL,
                        "Enter the transcript’s address as a web address starting with https://, like https://example.org/transcript"),
                new RecordingResult.Problem(RecordingDraft.Field.EASY_READ_SUMMARY,
                        "Easy read summary must be 5000 characters or fewer"));
        assertThat(version(morning)).isEqualTo(before);

        RecordingResult badUrl = recordings.publish(morning, before, draft("www.example.org/video"));
        assertThat(((RecordingResult.Invalid) badUrl).problems()).extracting(RecordingResult.Problem::field)
                .containsExactly(RecordingDraft.Field.URL);
    }

    @Test
    void a_publish_from_a_stale_form_is_a_conflict_and_changes_nothing() {
        AccountFixtures.actAs(organiser());
        int loaded = version(morning);
        recordings.publish(morning, loaded, draft("https://video.example.org/first"));

        RecordingResult second = recordings.publish(morning, loaded, draft("https://video.example.org/second"));

        assertThat(second).isInstanceOf(RecordingResult.Conflict.class);
        assertThat(recordings.forEditing(morning).current().url()).isEqualTo("https://video.example.org/first");
    }

    @Test
    void unpublishing_takes_the_recording_and_its_formats_down() {
        AccountFixtures.actAs(organiser());
        recordings.publish(morning, version(morning), draft("https://video.example.org/care"));

        assertThat(recordings.unpublish(morning, version(morning))).isInstanceOf(RecordingResult.Saved.class);

        RecordingEdit edit = recordings.forEditing(morning);
        assertThat(edit.current()).isEqualTo(new RecordingDraft(null, null, null, null));
        assertThat(edit.publishedAt()).isNull();
    }

    @Test
    void a_coordinator_of_another_host_and_an_attendee_may_not_publish() {
        AccountFixtures.actAs(coordinatorOf(council));
        assertThatThrownBy(() -> recordings.publish(morning, version(morning), draft("https://video.example.org/a")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recordings.forEditing(morning)).isInstanceOf(AccessDeniedException.class);

        AccountFixtures.actAs(fixture.user("Ada Attendee"));
        assertThatThrownBy(() -> recordings.publish(morning, version(morning), draft("https://video.example.org/a")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recordings.unpublish(morning, version(morning)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(version(morning)).isZero();
    }

    @Test
    void the_library_filters_by_day_track_host_and_access_and_pages_in_programme_order() {
        long tuesdayBsl = fixture.session(week, "Tuesday with BSL").at(at(1, 10), at(1, 11)).track(health)
                .host(council).access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS)
                .recordingUrl("https://video.example.org/t").create();
        long tuesdayLater = fixture.session(week, "Tuesday afternoon").at(at(1, 14), at(1, 15)).host(carers)
                .access(AccessFeature.LIVE_CAPTIONS).recordingUrl("https://video.example.org/t2").create();
        fixture.session(week, "No recording").at(at(1, 16), at(1, 17)).host(carers).create();
        long cancelled = fixture.session(week, "Cancelled one").at(at(2, 10), at(2, 11))
                .recordingUrl("https://video.example.org/c").create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, Instant.now())
                .where(PROGRAMME_SESSION.ID.eq(cancelled)).execute();
        AccountFixtures.actAs(organiser());
        recordings.publish(morning, version(morning), draft("https://video.example.org/m"));

        assertThat(ids(RecordingFilter.all(), 0, 10)).containsExactly(morning, tuesdayBsl, tuesdayLater);
        assertThat(recordings.count(week, RecordingFilter.all())).isEqualTo(3);
        assertThat(ids(RecordingFilter.all(), 1, 1)).containsExactly(tuesdayBsl);
        assertThat(ids(RecordingFilter.all(), 2, 10)).containsExactly(tuesdayLater);

        RecordingFilter tuesday = new RecordingFilter(MONDAY.plusDays(1), null, null, Set.of(), false);
        assertThat(ids(tuesday, 0, 10)).containsExactly(tuesdayBsl, tuesdayLater);
        assertThat(ids(new RecordingFilter(null, health.id(), null, Set.of(), false), 0, 10)).containsExactly(tuesdayBsl);
        assertThat(ids(new RecordingFilter(null, null, carers.id(), Set.of(), false), 0, 10))
                .containsExactly(morning, tuesdayLater);
        RecordingFilter captions = new RecordingFilter(null, null, null, EnumSet.of(AccessFeature.LIVE_CAPTIONS), false);
        assertThat(ids(captions, 0, 10)).containsExactly(tuesdayBsl, tuesdayLater);
        RecordingFilter both = new RecordingFilter(null, null, null,
                EnumSet.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION), false);
        assertThat(ids(both, 0, 10)).containsExactly(tuesdayBsl);
        assertThat(recordings.count(week, both)).isEqualTo(1);

        RecordingListItem first = recordings.library(week, RecordingFilter.all(), 0, 1).getFirst();
        assertThat(first.captionsUrl()).isEqualTo("https://video.example.org/care.vtt");
        assertThat(first.host()).isEqualTo(carers);
    }

    @Test
    void a_bsl_version_is_published_with_the_recording_listed_in_the_library_and_found_by_the_bsl_filter() {
        long plain = fixture.session(week, "Plain").at(at(1, 10), at(1, 11))
                .recordingUrl("https://video.example.org/p").create();
        AccountFixtures.actAs(organiser());
        RecordingDraft withBsl = new RecordingDraft("https://video.example.org/m", null, null, null,
                " https://video.example.org/m-bsl ");

        assertThat(recordings.publish(morning, version(morning), withBsl)).isInstanceOf(RecordingResult.Saved.class);

        assertThat(recordings.forEditing(morning).current().bslUrl()).isEqualTo("https://video.example.org/m-bsl");
        RecordingFilter bsl = new RecordingFilter(null, null, null, EnumSet.of(AccessFeature.BSL_INTERPRETATION), false);
        // the live session was not interpreted, but its recording has a BSL version
        assertThat(ids(bsl, 0, 10)).containsExactly(morning);
        assertThat(recordings.count(week, bsl)).isEqualTo(1);
        assertThat(recordings.library(week, RecordingFilter.all(), 0, 10)).filteredOn(i -> i.sessionId() == plain)
                .singleElement().extracting(RecordingListItem::bslUrl).isNull();
        assertThat(recordings.library(week, bsl, 0, 1).getFirst().bslUrl()).isEqualTo("https://video.example.org/m-bsl");

        recordings.unpublish(morning, version(morning));
        assertThat(recordings.forEditing(morning).current().bslUrl()).isNull();
    }

    @Test
    void a_bsl_version_that_is_not_a_web_address_is_refused_on_its_field() {
        AccountFixtures.actAs(organiser());

        RecordingResult result = recordings.publish(morning, version(morning),
                new RecordingDraft("https://video.example.org/m", null, null, null, "bsl.mp4"));

        assertThat(result).isEqualTo(new RecordingResult.Invalid(List.of(new RecordingResult.Problem(
                RecordingDraft.Field.BSL_URL, "Enter the BSL version’s address as a web address starting with "
                + "https://, like https://www.youtube.com/watch?v=abc123"))));
    }

    @Test
    void from_my_agenda_lists_only_recordings_of_sessions_i_chose_and_nothing_for_someone_signed_out() {
        long other = fixture.session(week, "Other").at(at(1, 10), at(1, 11))
                .recordingUrl("https://video.example.org/o").create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.RECORDING_URL, "https://video.example.org/m")
                .where(PROGRAMME_SESSION.ID.eq(morning)).execute();
        RecordingFilter mine = new RecordingFilter(null, null, null, Set.of(), true);

        assertThat(ids(mine, 0, 10)).isEmpty();
        assertThat(recordings.count(week, mine)).isZero();

        AccountFixtures.actAs(fixture.user("Ada Attendee"));
        agenda.add(morning);

        assertThat(ids(mine, 0, 10)).containsExactly(morning);
        assertThat(recordings.count(week, mine)).isEqualTo(1);
        assertThat(recordings.library(week, RecordingFilter.all(), 0, 10))
                .extracting(RecordingListItem::sessionId, RecordingListItem::onMyAgenda)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(morning, true),
                        org.assertj.core.groups.Tuple.tuple(other, false));
    }

    private List<Long> ids(RecordingFilter filter, int offset, int limit) {
        return recordings.library(week, filter, offset, limit).stream().map(RecordingListItem::sessionId).toList();
    }

    @Test
    void an_easy_read_summary_with_a_nul_is_refused_on_its_field() {
        AccountFixtures.actAs(organiser());
        RecordingResult result = recordings.publish(morning, version(morning),
                new RecordingDraft("https://video.example.org/a", null, null, "Easy\u0000read"));

        assertThat(result).isEqualTo(new RecordingResult.Invalid(List.of(new RecordingResult.Problem(
                RecordingDraft.Field.EASY_READ_SUMMARY, "The easy read summary contains a character that cannot be stored (a control character). Remove it and try again."))));
    }
}
