package org.convene.recordings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.programme.AccessFeature;
import org.convene.agenda.AgendaService;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class RecordingsViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Autowired
    DSLContext db;
    @Autowired
    AgendaService agenda;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    TrackRef health;
    HostRef carers;
    HostRef council;
    long carePlans;
    long tenants;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = fixture.track(week, "Health and care", 1);
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        carePlans = fixture.session(week, "Co-producing care plans").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0))
                .track(health).host(carers).access(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION)
                .recordingUrl("https://video.example.org/care").create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPTIONS_URL, "https://video.example.org/care.vtt")
                .set(PROGRAMME_SESSION.TRANSCRIPT_URL, "https://video.example.org/care.txt")
                .set(PROGRAMME_SESSION.EASY_READ_SUMMARY, "We made care plans together.")
                .where(PROGRAMME_SESSION.ID.eq(carePlans)).execute();
        tenants = fixture.session(week, "Tenants' voices").at(TUESDAY.atTime(10, 0), TUESDAY.atTime(11, 0))
                .host(council).recordingUrl("https://video.example.org/tenants").create();
        fixture.session(week, "Not recorded").at(TUESDAY.atTime(14, 0), TUESDAY.atTime(15, 0)).host(council).create();
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private void open(String query) {
        UI.getCurrent().navigate("recordings", QueryParameters.fromString("conference=" + week.slug() + query));
    }

    private static List<String> titles() {
        return _find(H3.class).stream().map(h -> h.getElement().getTextRecursively()).toList();
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("recordings-status")).getText();
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }

    @Test
    void anyone_sees_the_recordings_with_date_host_access_and_the_formats_there_are() {
        open("");

        assertThat(_get(H1.class).getText()).isEqualTo("Recordings");
        assertThat(titles()).containsExactly("Co-producing care plans", "Tenants' voices");
        assertThat(status()).isEqualTo("2 recordings.");
        String text = _get(RecordingsView.class).getElement().getTextRecursively();
        assertThat(text).contains("Monday 23 November 2026, 10am to 11am (UK time)", "Hosted by " + carers.name(),
                "Access: British Sign Language (BSL) interpretation, Live captions.");
        Anchor watch = _get(Anchor.class, spec -> spec.withAttribute("aria-label",
                "Watch the recording: “Co-producing care plans”"));
        assertThat(watch.getHref()).isEqualTo("https://video.example.org/care");
        assertThat(_find(Anchor.class, spec -> spec.withText("Read the transcript"))).hasSize(1);
        assertThat(_find(Anchor.class, spec -> spec.withText("Captions file (WebVTT)"))).hasSize(1);
        assertThat(_get(Details.class).getSummaryText()).isEqualTo("Easy read summary");
        assertThat(_find(Checkbox.class, spec -> spec.withLabel("Only sessions from your agenda")))
                .as("only for people signed in").isEmpty();
    }

    @Test
    void a_recording_with_a_bsl_version_links_to_it_and_the_bsl_filter_finds_it() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.BSL_RECORDING_URL, "https://video.example.org/tenants-bsl")
                .where(PROGRAMME_SESSION.ID.eq(tenants)).execute();

        open("&access=BSL_INTERPRETATION");

        assertThat(titles()).containsExactly("Co-producing care plans", "Tenants' voices");
        Anchor bsl = _get(Anchor.class, spec -> spec.withAttribute("aria-label", "BSL version: “Tenants' voices”"));
        assertThat(bsl.getHref()).isEqualTo("https://video.example.org/tenants-bsl");
        assertThat(_find(Anchor.class, spec -> spec.withText("BSL version"))).hasSize(1);
    }

    @Test
    void filters_narrow_the_list_and_go_in_the_url() {
        open("");

        select("Day").setValue(TUESDAY);
        assertThat(titles()).containsExactly("Tenants' voices");
        assertThat(location()).contains("day=2026-11-24");
        assertThat(status()).isEqualTo("1 recording matches your filters.");

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));
        select("Track").setValue(health);
        assertThat(titles()).containsExactly("Co-producing care plans");
        assertThat(location()).contains("track=" + health.id());

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));
        select("Host").setValue(council);
        assertThat(titles()).containsExactly("Tenants' voices");

        open("&access=BSL_INTERPRETATION");
        assertThat(titles()).containsExactly("Co-producing care plans");
        @SuppressWarnings("unchecked")
        CheckboxGroup<AccessFeature> access = _get(CheckboxGroup.class, spec -> spec.withLabel("Access: only sessions with"));
        assertThat(access.getValue()).containsExactly(AccessFeature.BSL_INTERPRETATION);

        open("&day=2026-11-25");
        assertThat(titles()).isEmpty();
        assertThat(status()).isEqualTo("No recordings match your filters.");
    }

    @Test
    void a_long_library_loads_a_page_at_a_time_with_show_more() {
        for (int i = 0; i < RecordingsView.PAGE_SIZE + 3; i++) {
            fixture.session(week, String.format("Wednesday talk %02d", i))
                    .at(MONDAY.plusDays(2).atTime(9, 0).plusMinutes(i), MONDAY.plusDays(2).atTime(10, 0))
                    .recordingUrl("https://video.example.org/w" + i).create();
        }
        open("");

        assertThat(titles()).hasSize(RecordingsView.PAGE_SIZE);
        assertThat(status()).isEqualTo("25 recordings. Showing 20.");

        _click(_get(Button.class, spec -> spec.withText("Show more recordings")));

        assertThat(titles()).hasSize(25).doesNotHaveDuplicates();
        assertThat(titles().getLast()).isEqualTo("Wednesday talk 22");
        assertThat(status()).isEqualTo("25 recordings.");
        assertThat(_find(Button.class, spec -> spec.withText("Show more recordings"))).isEmpty();
    }

    @Test
    void signed_in_attendees_can_list_only_the_recordings_from_their_agenda() {
        ConveneUser ada = fixture.user("Ada");
        login(ada);
        agenda.add(tenants);
        open("");

        assertThat(_get(RecordingsView.class).getElement().getTextRecursively()).contains("On your agenda");
        _get(Checkbox.class, spec -> spec.withLabel("Only sessions from your agenda")).setValue(true);

        assertThat(titles()).containsExactly("Tenants' voices");
        assertThat(location()).contains("mine=yes");
    }

    @Test
    void cancelled_sessions_are_not_in_the_library() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, java.time.Instant.parse("2026-11-20T09:00:00Z"))
                .where(PROGRAMME_SESSION.ID.eq(tenants)).execute();
        open("");

        assertThat(titles()).containsExactly("Co-producing care plans");
        assertThat(Set.copyOf(titles())).doesNotContain("Tenants' voices");
    }
}
