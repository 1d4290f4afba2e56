package org.convene.timetable.ui;

import org.convene.programme.ui.ConferenceLinks;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.programme.AccessFeature;
import org.convene.agenda.AgendaService;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.PersonRole;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionFormat;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class SessionViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-23T11:00:00Z");

    @Autowired
    DSLContext db;

    @Autowired
    AgendaService agendaService;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    TrackRef health;
    HostRef carers;
    long amara;
    long bill;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-01T12:00:00Z"));
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = fixture.track(week, "Health and care", 1);
        carers = fixture.host("Carers Together");
        amara = fixture.person("Amara Okafor", "Carers Together", "Amara has cared for her dad for ten years.");
        bill = fixture.person("Bill Hughes", null, "Bill chairs a tenants' forum.");
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private long session(String joinUrl, String recordingUrl) {
        ProgrammeFixture.SessionBuilder builder = fixture.session(week, "Co-producing care plans")
                .format(SessionFormat.WORKSHOP).at(START, END).track(health).host(carers)
                .summary("We will **plan together**.\n\n<script>alert('x')</script>\n\n"
                        + "[Guide](javascript:alert(1)) <img src=x onerror=alert(1)>")
                .person(bill, PersonRole.SPEAKER).person(amara, PersonRole.FACILITATOR)
                .access(AccessFeature.LIVE_CAPTIONS, AccessFeature.AUDIO_OR_PHONE)
                .accessNotes("Dial-in numbers are sent the day before.").capacity(40);
        if (joinUrl != null) {
            builder.joinUrl(joinUrl);
        }
        if (recordingUrl != null) {
            builder.recordingUrl(recordingUrl);
        }
        return builder.create();
    }

    private static void open(long id, String query) {
        UI.getCurrent().navigate(ConferenceLinks.session(id), QueryParameters.fromString(query));
    }

    private static List<String> paragraphs() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static Anchor joinLink() {
        return _get(Anchor.class, spec -> spec.withText("Join the session (opens in a new tab)"));
    }

    @Test
    void unknown_or_malformed_ids_answer_page_not_found_with_a_404() {
        for (String id : new String[] {Long.toString(Long.MAX_VALUE), "not-a-number", "-4", "0",
                "99999999999999999999"}) {
            assertThat(openAddress("sessions/" + id)).as(id).isEqualTo(404);
            assertThat(_get(H1.class).getText()).as(id).isEqualTo("Page not found");
            assertThat(_find(SessionView.class)).as(id).isEmpty();
        }
    }

    @Test
    void the_page_shows_time_zone_format_track_host_people_and_access() {
        long id = session("https://meet.example.org/care", null);

        open(id, "");

        assertThat(_get(H1.class).getText()).isEqualTo("Co-producing care plans");
        assertThat(_get(SessionView.class).getPageTitle()).isEqualTo("Co-producing care plans");
        assertThat(paragraphs()).contains("Monday 23 November 2026, 10am to 11am (UK time)",
                "Times are in UK time (Europe/London).", "Workshop, part of Co-production Week",
                "Dial-in numbers are sent the day before.", "Amara has cared for her dad for ten years.",
                "Bill chairs a tenants' forum.", "Carers Together");
        String facts = _get(DescriptionList.class).getElement().getTextRecursively();
        assertThat(facts).contains("Format", "Workshop", "Track", "Health and care", "Hosted by", carers.name(),
                "Places", "Up to 40 people");
        assertThat(_find(H2.class).stream().map(H2::getText))
                .containsExactly("Live captions", "Questions", "About this session", "Details", "Access", "Facilitator", "Speaker");
        // the live Q&A section (org.convene.qa.ui.QaPanel) has its own subheadings
        assertThat(_find(H3.class).stream().map(H3::getText))
                .containsExactly("Ask a question", "Questions from everyone", "Amara Okafor", "Bill Hughes");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText))
                .contains("Live captions", "Audio-only or phone option");
        Anchor calendar = _get(Anchor.class, spec -> spec.withText("Add to calendar (.ics)"));
        assertThat(calendar.getHref()).isEqualTo("calendar/sessions/" + id + ".ics");
        assertThat(calendar.getElement().hasAttribute("router-ignore")).isTrue();
        Anchor back = _get(Anchor.class, spec -> spec.withText("Back to the timetable for Monday 23 November"));
        assertThat(back.getHref()).isEqualTo("conferences/" + week.slug() + "?day=2026-11-23");
    }

    @Test
    void the_summary_is_rendered_markdown_with_script_and_unsafe_links_stripped() {
        long id = session(null, null);

        open(id, "");

        String html = _get(Html.class).getInnerHtml();
        assertThat(html).contains("<strong>plan together</strong>");
        // What the host typed as HTML is shown as words, never as elements, attributes or links.
        Document parsed = Jsoup.parseBodyFragment(html);
        assertThat(parsed.select("script, img, iframe")).isEmpty();
        assertThat(parsed.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        assertThat(parsed.select("a")).isEmpty();
        assertThat(parsed.text()).contains("Guide");
    }

    @Test
    void eleven_minutes_before_the_start_the_join_button_is_disabled_and_says_when_it_opens() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(11 * 60));

        open(id, "");

        Button join = _get(Button.class, spec -> spec.withText("Join the session"));
        assertThat(join.isEnabled()).isFalse();
        assertThat(paragraphs()).contains("You can join from 9.50am (UK time) on Monday 23 November.");
        assertThat(_find(Anchor.class, spec -> spec.withText("Join the session (opens in a new tab)"))).isEmpty();
    }

    @Test
    void ten_minutes_before_the_start_the_join_link_opens_in_a_new_tab() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(10 * 60));

        open(id, "");

        Anchor join = joinLink();
        assertThat(join.getHref()).as("through Convene, which records the arrival").isEqualTo("sessions/" + id + "/join");
        assertThat(join.getTarget()).hasValue("_blank");
        assertThat(join.getElement().getAttribute("rel")).contains("noopener");
    }

    @Test
    void during_the_session_the_join_link_is_there_and_after_the_end_it_says_it_has_ended() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.plusSeconds(30 * 60));
        open(id, "");
        assertThat(joinLink()).isNotNull();

        clock.set(END);
        open(id, "");

        assertThat(_find(Anchor.class, spec -> spec.withText("Join the session (opens in a new tab)"))).isEmpty();
        assertThat(paragraphs()).contains("This session has ended.");
    }

    @Test
    void the_join_button_enables_itself_while_the_page_is_open() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(11 * 60));
        open(id, "");
        assertThat(_get(Button.class, spec -> spec.withText("Join the session")).isEnabled()).isFalse();

        clock.set(START.minusSeconds(10 * 60));
        poll();

        assertThat(joinLink()).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withText("Join the session"))).isEmpty();
        assertThat(_get(SessionView.class).getElement().getTextRecursively()).contains("You can now join the session.");

        clock.set(END.plusSeconds(1));
        poll();
        assertThat(paragraphs()).contains("This session has ended.");
    }

    @Test
    void the_join_link_appears_by_push_when_the_window_opens_without_the_page_polling() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(10 * 60).minusMillis(100));
        open(id, "");
        assertThat(UI.getCurrent().getPollInterval()).as("no polling of its own").isLessThan(0);
        assertThat(_find(Anchor.class, spec -> spec.withText("Join the session (opens in a new tab)"))).isEmpty();

        clock.set(START.minusSeconds(10 * 60));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> {
            com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
            assertThat(joinLink()).isNotNull();
        });
    }

    @Test
    void without_a_join_link_the_page_says_the_host_has_not_added_one() {
        long id = session(null, null);
        clock.set(START.minusSeconds(60));

        open(id, "");

        assertThat(paragraphs()).anyMatch(p -> p.startsWith("The host has not added a joining link yet."));
        assertThat(_find(Button.class, spec -> spec.withText("Join the session"))).isEmpty();
    }

    @Test
    void the_recording_link_is_shown_only_once_a_recording_is_published() {
        long without = session("https://meet.example.org/care", null);
        open(without, "");
        assertThat(_find(Anchor.class, spec -> spec.withText("Watch the recording"))).isEmpty();

        long with = session("https://meet.example.org/care", "https://video.example.org/care");
        open(with, "");
        assertThat(_get(Anchor.class, spec -> spec.withText("Watch the recording")).getHref())
                .isEqualTo("https://video.example.org/care");
    }

    @Test
    void times_and_the_join_opening_follow_the_chosen_time_zone() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(60 * 60));

        open(id, "tz=America/Los_Angeles");

        assertThat(paragraphs()).contains("Monday 23 November 2026, 2am to 3am (Pacific Time)",
                "Times are in Pacific Time (America/Los_Angeles).",
                "You can join from 1.50am (Pacific Time) on Monday 23 November.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Back to the timetable for Monday 23 November")).getHref())
                .contains("tz=America");
    }

    @Test
    void a_far_away_viewer_sees_the_local_date_of_the_session() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.minusSeconds(60 * 60));

        open(id, "tz=Pacific/Auckland");

        // 10am to 11am Monday in London is 11pm Monday to midnight in Auckland (UTC+13 in November).
        assertThat(paragraphs()).contains(
                "Monday 23 November 2026, 11pm to 12am on Tuesday 24 November (New Zealand Time)",
                "You can join from 10.50pm (New Zealand Time) on Monday 23 November.");
    }

    @Test
    void a_signed_in_attendee_can_add_the_session_to_their_agenda() {
        long id = session("https://meet.example.org/care", null);
        ConveneUser user = fixture.user("Sam");
        login(user);

        open(id, "");
        assertThat(_find(Anchor.class, spec -> spec.withText("Log in to plan your week"))).isEmpty();
        Button toggle = _get(_get(AgendaToggle.class), Button.class);
        assertThat(toggle.getAriaLabel()).contains("Add to my agenda: Co-producing care plans");

        _click(toggle);

        assertThat(agendaService.mySessionIds()).containsExactly(id);
        assertThat(toggle.getText()).isEqualTo("Remove from my agenda");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");

        _click(toggle);
        assertThat(agendaService.mySessionIds()).isEmpty();
    }

    @Test
    void a_signed_in_attendee_of_a_session_under_way_gets_the_question_form() {
        long id = session("https://meet.example.org/care", null);
        clock.set(START.plusSeconds(600));
        login(fixture.user("Sam"));

        open(id, "");

        TextArea question = _get(TextArea.class, spec -> spec.withId("qa-question"));
        assertThat(question.isVisible() && question.getParent().orElseThrow().isVisible())
                .as("the question field and its form are shown").isTrue();
    }

    @Test
    void anonymous_visitors_are_invited_to_log_in_instead() {
        long id = session("https://meet.example.org/care", null);

        open(id, "");

        assertThat(_get(Anchor.class, spec -> spec.withText("Log in to plan your week")).getHref()).isEqualTo("login");
        assertThat(_find(AgendaToggle.class)).isEmpty();
    }

    private void cancel(long id, String reason) {
        db.update(org.convene.db.Tables.PROGRAMME_SESSION)
                .set(org.convene.db.Tables.PROGRAMME_SESSION.CANCELLED_AT, java.time.Instant.parse("2026-11-20T09:00:00Z"))
                .set(org.convene.db.Tables.PROGRAMME_SESSION.CANCELLATION_REASON, reason)
                .where(org.convene.db.Tables.PROGRAMME_SESSION.ID.eq(id)).execute();
    }

    @Test
    void a_cancelled_session_says_so_with_the_reason_and_offers_nothing_to_join() {
        long id = session("https://meet.example.org/care", null);
        cancel(id, "The speaker is unwell");
        clock.set(START.plusSeconds(60));

        open(id, "");

        assertThat(_get(SessionView.class).getPageTitle()).isEqualTo("Cancelled: Co-producing care plans");
        _get(H2.class, spec -> spec.withText("This session has been cancelled"));
        assertThat(paragraphs()).contains("Reason: The speaker is unwell");
        assertThat(_find(Anchor.class, spec -> spec.withText("Join the session (opens in a new tab)"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Join the session"))).isEmpty();
        assertThat(_find(H2.class, spec -> spec.withText("Questions"))).as("no Q&A for a cancelled session").isEmpty();
    }

    @Test
    void after_the_session_a_video_file_plays_with_its_captions_and_the_transcript_and_easy_read_are_there() {
        long id = session("https://meet.example.org/care", "https://video.example.org/care.mp4");
        db.update(org.convene.db.Tables.PROGRAMME_SESSION)
                .set(org.convene.db.Tables.PROGRAMME_SESSION.CAPTIONS_URL, "https://video.example.org/care.vtt")
                .set(org.convene.db.Tables.PROGRAMME_SESSION.TRANSCRIPT_URL, "https://video.example.org/care.txt")
                .set(org.convene.db.Tables.PROGRAMME_SESSION.EASY_READ_SUMMARY, "We talked about care plans.\n\nWe made a plan.")
                .where(org.convene.db.Tables.PROGRAMME_SESSION.ID.eq(id)).execute();
        clock.set(END.plusSeconds(3600));

        open(id, "");

        _get(H2.class, spec -> spec.withText("Recording"));
        var section = _get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("recording"));
        var video = section.getElement().getChild(1).getChild(0);
        assertThat(video.getTag()).isEqualTo("video");
        assertThat(video.getAttribute("src")).isEqualTo("https://video.example.org/care.mp4");
        assertThat(video.hasAttribute("controls")).isTrue();
        var track = video.getChild(0);
        assertThat(track.getTag()).isEqualTo("track");
        assertThat(track.getAttribute("kind")).isEqualTo("captions");
        assertThat(track.getAttribute("src")).isEqualTo("https://video.example.org/care.vtt");
        assertThat(_get(Anchor.class, spec -> spec.withText("Watch the recording")).getHref())
                .isEqualTo("https://video.example.org/care.mp4");
        assertThat(_get(Anchor.class, spec -> spec.withText("Read the transcript")).getHref())
                .isEqualTo("https://video.example.org/care.txt");
        _get(H3.class, spec -> spec.withText("Easy read summary"));
        assertThat(paragraphs()).contains("We talked about care plans.", "We made a plan.");
    }

    @Test
    void a_recording_elsewhere_is_a_link_without_a_player() {
        long id = session(null, "https://www.youtube.com/watch?v=abc123");
        clock.set(END.plusSeconds(3600));

        open(id, "");

        var section = _get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("recording"));
        assertThat(section.getElement().getTextRecursively()).contains("Watch the recording");
        assertThat(section.getElement().getChildren().noneMatch(e -> e.getTag().equals("div")
                && e.getChildren().anyMatch(c -> c.getTag().equals("video")))).isTrue();
        assertThat(_find(Anchor.class, spec -> spec.withText("Read the transcript"))).isEmpty();
    }
}
