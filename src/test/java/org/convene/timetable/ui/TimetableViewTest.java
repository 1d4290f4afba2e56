package org.convene.timetable.ui;

import org.convene.programme.ui.ConferenceLinks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.textfield.TextField;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;

class TimetableViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    @Autowired
    DSLContext db;

    @Autowired
    AgendaService agendaService;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    TrackRef health;
    TrackRef housing;
    HostRef carers;
    HostRef council;
    long carePlans;
    long tenants;
    long dementia;

    @BeforeEach
    void setUp() {
        // Before the conference unless a test says otherwise: the real date must not decide the outcome.
        clock.set(Instant.parse("2026-11-01T12:00:00Z"));
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = fixture.track(week, "Health and care", 1);
        housing = fixture.track(week, "Housing", 2);
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        long amara = fixture.person("Amara Okafor", "Carers Together", "Carer and trainer.");
        long bill = fixture.person("Bill Hughes", null, "Tenants' forum chair.");
        carePlans = fixture.session(week, "Co-producing care plans").format(SessionFormat.WORKSHOP)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).track(health).host(carers)
                .person(amara, PersonRole.FACILITATOR)
                .access(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION).create();
        tenants = fixture.session(week, "Tenants' voices").format(SessionFormat.PANEL)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 30)).track(housing).host(council)
                .person(bill, PersonRole.SPEAKER).access(AccessFeature.LIVE_CAPTIONS).create();
        dementia = fixture.session(week, "Dementia-friendly design").format(SessionFormat.WEBINAR)
                .at(MONDAY.atTime(14, 0), MONDAY.atTime(15, 0)).track(health).host(council)
                .access(AccessFeature.EASY_READ).recordingUrl("https://video.example.org/d").create();
        fixture.session(week, "Tuesday talk").format(SessionFormat.TALK)
                .at(TUESDAY.atTime(10, 0), TUESDAY.atTime(11, 0)).create();
        fixture.session(week, "Wednesday morning").at(WEDNESDAY.atTime(10, 0), WEDNESDAY.atTime(11, 0)).create();
        fixture.session(week, "Wednesday lunch").at(WEDNESDAY.atTime(13, 0), WEDNESDAY.atTime(14, 0)).create();
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private void open(String query) {
        open(week, query);
    }

    /** UI.navigate(String) asserts that the path has no query: the query goes separately. */
    private static void open(ConferenceSummary conference, String query) {
        UI.getCurrent().navigate(ConferenceLinks.timetable(conference.slug()), QueryParameters.fromString(query));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    private static Map<String, List<String>> query() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters();
    }

    /**
     * Karibu 2.6.2's _setValue calls an AbstractFieldSupport method that Vaadin 25.2 no longer has, so the
     * field is set directly, after the same check that a person could change it.
     */
    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    private static List<String> slotTimes() {
        return _find(H3.class, spec -> spec.withClasses("cv-tt-slot-time")).stream().map(H3::getText).toList();
    }

    private static List<String> titles() {
        return _find(SessionCard.class).stream().map(c -> c.entry().title()).toList();
    }

    private static String status() {
        return _get(TimetableView.class).getChildren()
                .filter(c -> "timetable-status".equals(c.getId().orElse(null))).findFirst().orElseThrow()
                .getElement().getText();
    }

    private static SessionCard card(String title) {
        return _find(SessionCard.class).stream().filter(c -> c.entry().title().equals(title)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> CheckboxGroup<T> filter(String label) {
        return _get(CheckboxGroup.class, spec -> spec.withLabel(label));
    }

    private static String currentDay() {
        return _get(DayLinks.class).currentLabel().orElseThrow();
    }

    private static List<Anchor> dayLinks() {
        return _get(DayLinks.class).links();
    }

    /** What the browser does with a router link: navigates to its address (the query separately, see open). */
    private static void follow(Anchor link) {
        String[] address = link.getHref().split("\\?", 2);
        UI.getCurrent().navigate(address[0], QueryParameters.fromString(address.length > 1 ? address[1] : ""));
    }

    /** What the browser would report; Karibu's mock browser has no time zone of its own. */
    private static void browserZone(String zoneId) {
        UI ui = UI.getCurrent();
        ui.getInternals().setExtendedClientDetails(new ExtendedClientDetails(ui, "1280", "800", "1280", "800",
                "1280", "800", "0", "0", "0", "false", zoneId, null, "false", "1", null, null, null, null));
    }

    @Test
    void unknown_conference_answers_page_not_found_with_a_404() {
        assertThat(openAddress("conferences/tt-no-such-conference")).isEqualTo(404);

        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(_find(TimetableView.class)).isEmpty();
        assertThat(_find(DayLinks.class)).isEmpty();
    }

    @Test
    void heading_title_and_one_day_link_per_conference_day_with_the_first_day_current_before_it_starts() {
        open("");

        assertThat(_get(H1.class).getText()).isEqualTo("Co-production Week");
        assertThat(_get(TimetableView.class).getPageTitle()).isEqualTo("Timetable: Co-production Week");
        assertThat(_get(Paragraph.class, spec -> spec.withText("Monday 23 to Friday 27 November 2026"))).isNotNull();
        DayLinks days = _get(DayLinks.class);
        assertThat(days.getElement().getAttribute("aria-label")).isEqualTo("Days");
        assertThat(dayLinks()).hasSize(5);
        assertThat(dayLinks().get(4).getText()).isEqualTo("Friday 27 November");
        assertThat(dayLinks().get(4).getHref()).isEqualTo("conferences/" + week.slug() + "?day=2026-11-27");
        assertThat(currentDay()).isEqualTo("Monday 23 November");
        assertThat(dayLinks().stream().filter(a -> a.getElement().hasAttribute("aria-current"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withText("Jump to now"))).allMatch(b -> !b.isVisible());
    }

    @Test
    void today_is_selected_while_the_conference_is_running() {
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));

        open("");

        assertThat(currentDay()).isEqualTo("Wednesday 25 November (today)");
        assertThat(titles()).containsExactly("Wednesday morning", "Wednesday lunch");
    }

    @Test
    void sessions_are_grouped_into_time_slots_in_start_order_with_what_each_card_needs() {
        open("day=2026-11-23");

        assertThat(slotTimes()).containsExactly("10am", "2pm");
        assertThat(titles()).containsExactly("Co-producing care plans", "Tenants' voices", "Dementia-friendly design");
        SessionCard care = card("Co-producing care plans");
        List<String> texts = _find(care, Paragraph.class).stream().map(Paragraph::getText).toList();
        assertThat(texts).contains("10am to 11am", "Workshop, Health and care track",
                "Hosted by " + carers.name(), "Facilitated by Amara Okafor");
        assertThat(care.getElement().getTextRecursively())
                .contains("BSL interpreted").contains("Live captions");
        Anchor link = _get(care, Anchor.class, spec -> spec.withText("Co-producing care plans"));
        assertThat(link.getHref()).isEqualTo("sessions/" + carePlans);
        assertThat(card("Tenants' voices").getElement().getTextRecursively()).contains("Speaker: Bill Hughes");
        assertThat(card("Dementia-friendly design").getElement().getTextRecursively()).contains("Recording available");
        assertThat(status()).isEqualTo("3 sessions on Monday 23 November.");
    }

    @Test
    void the_day_is_read_from_the_url_and_following_a_day_link_puts_it_there() {
        open("day=2026-11-24");
        assertThat(currentDay()).isEqualTo("Tuesday 24 November");
        assertThat(titles()).containsExactly("Tuesday talk");

        follow(dayLinks().get(2));

        assertThat(location()).contains("day=2026-11-25");
        assertThat(titles()).containsExactly("Wednesday morning", "Wednesday lunch");
        assertThat(status()).isEqualTo("2 sessions on Wednesday 25 November.");
    }

    @Test
    void a_day_outside_the_conference_falls_back_to_the_default_day() {
        open("day=2027-01-01");

        assertThat(currentDay()).isEqualTo("Monday 23 November");
    }

    @Test
    void track_filter_narrows_the_day_says_how_many_match_and_goes_in_the_url() {
        open("day=2026-11-23");

        setAsUser(TimetableViewTest.<TrackRef>filter("Track"), Set.of(health));

        assertThat(titles()).containsExactly("Co-producing care plans", "Dementia-friendly design");
        assertThat(location()).contains("track=" + health.id());
        assertThat(status()).isEqualTo("2 sessions match on Monday 23 November.");
        assertThat(dayLinks().get(0).getText()).isEqualTo("Monday 23 November, 2 matches");
        assertThat(dayLinks().get(1).getText()).isEqualTo("Tuesday 24 November, 0 matches");
        // the other days keep the filters, so the reader can look there too
        assertThat(dayLinks().get(1).getHref()).contains("day=2026-11-24").contains("track=" + health.id());
    }

    @Test
    void format_host_and_access_filters_each_narrow_the_day() {
        open("day=2026-11-23");
        setAsUser(TimetableViewTest.<SessionFormat>filter("Format"), Set.of(SessionFormat.PANEL));
        assertThat(titles()).containsExactly("Tenants' voices");
        assertThat(location()).contains("format=PANEL");
        assertThat(status()).isEqualTo("1 session matches on Monday 23 November.");

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));
        setAsUser(TimetableViewTest.<HostRef>filter("Host"), Set.of(council));
        assertThat(titles()).containsExactly("Tenants' voices", "Dementia-friendly design");
        assertThat(location()).contains("host=" + council.id());

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));
        setAsUser(TimetableViewTest.<AccessFeature>filter("Access: only sessions with"),
                Set.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION));
        assertThat(titles()).containsExactly("Co-producing care plans");
        assertThat(location()).contains("access=BSL_INTERPRETATION", "access=LIVE_CAPTIONS");
    }

    @Test
    void search_runs_when_the_search_button_is_pressed() {
        open("day=2026-11-23");

        setAsUser(_get(TextField.class, spec -> spec.withLabel("Search sessions")), "okafor");
        assertThat(titles()).hasSize(3);
        _click(_get(Button.class, spec -> spec.withText("Search")));

        assertThat(titles()).containsExactly("Co-producing care plans");
        assertThat(location()).contains("q=okafor");
    }

    @Test
    void a_shared_filtered_link_restores_every_control_and_clear_filters_keeps_day_and_zone() {
        open("day=2026-11-23&track=" + health.id() + "&format=WEBINAR&host=" + council.id()
                + "&access=EASY_READ&q=dementia&tz=America/New_York");

        assertThat(titles()).containsExactly("Dementia-friendly design");
        assertThat(TimetableViewTest.<TrackRef>filter("Track").getValue()).containsExactly(health);
        assertThat(TimetableViewTest.<SessionFormat>filter("Format").getValue()).containsExactly(SessionFormat.WEBINAR);
        assertThat(TimetableViewTest.<HostRef>filter("Host").getValue()).containsExactly(council);
        assertThat(TimetableViewTest.<AccessFeature>filter("Access: only sessions with").getValue())
                .containsExactly(AccessFeature.EASY_READ);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Search sessions")).getValue()).isEqualTo("dementia");
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Show times in my time zone")).getValue()).isTrue();
        assertThat(slotTimes()).containsExactly("9am");

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));

        assertThat(query()).isEqualTo(Map.of("day", List.of("2026-11-23"), "tz", List.of("America/New_York")));
        assertThat(titles()).hasSize(3);
        assertThat(TimetableViewTest.<TrackRef>filter("Track").getValue()).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Search sessions")).getValue()).isEmpty();
    }

    @Test
    void nothing_matching_says_so_and_points_to_days_that_do_match() {
        open("day=2026-11-23&q=tuesday");

        assertThat(titles()).isEmpty();
        assertThat(status()).isEqualTo("No sessions match on Monday 23 November.");
        assertThat(_get(Paragraph.class, spec -> spec.withText("No sessions on Monday 23 November match your filters.")))
                .isNotNull();
        Anchor tuesday = _get(Anchor.class, spec -> spec.withText("Tuesday 24 November (1 session)"));
        assertThat(tuesday.getHref()).contains("day=2026-11-24").contains("q=tuesday");
    }

    @Test
    void happening_now_and_next_up_follow_the_clock() {
        clock.set(Instant.parse("2026-11-23T10:45:00Z"));
        open("");

        assertThat(card("Co-producing care plans").marker()).isEqualTo(SessionCard.Marker.HAPPENING_NOW);
        assertThat(card("Tenants' voices").marker()).isEqualTo(SessionCard.Marker.HAPPENING_NOW);
        assertThat(card("Dementia-friendly design").marker()).isEqualTo(SessionCard.Marker.NEXT_UP);
        assertThat(card("Dementia-friendly design").getElement().getTextRecursively()).contains("Next up");

        // Time moves on while the page is open: the regular poll refreshes the markers.
        clock.set(Instant.parse("2026-11-23T11:15:00Z"));
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(),
                new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));

        assertThat(card("Co-producing care plans").marker()).isEqualTo(SessionCard.Marker.NONE);
        assertThat(card("Tenants' voices").marker()).isEqualTo(SessionCard.Marker.HAPPENING_NOW);
        assertThat(card("Dementia-friendly design").marker()).isEqualTo(SessionCard.Marker.NEXT_UP);
    }

    @Test
    void jump_to_now_selects_today_and_announces_the_current_slot() {
        clock.set(Instant.parse("2026-11-25T10:30:00Z"));
        open("day=2026-11-23");
        assertThat(currentDay()).isEqualTo("Monday 23 November");

        _click(_get(Button.class, spec -> spec.withText("Jump to now")));

        assertThat(currentDay()).isEqualTo("Wednesday 25 November (today)");
        assertThat(location()).contains("day=2026-11-25");
        assertThat(card("Wednesday morning").marker()).isEqualTo(SessionCard.Marker.HAPPENING_NOW);
        assertThat(status()).isEqualTo("Showing what is on now: the 10am sessions.");

        clock.set(Instant.parse("2026-11-25T11:30:00Z"));
        _click(_get(Button.class, spec -> spec.withText("Jump to now")));
        assertThat(status()).isEqualTo("Nothing is on right now. Next up: the 1pm sessions.");
    }

    @Test
    void times_are_in_the_conference_zone_by_default_and_the_sentence_says_so() {
        open("day=2026-11-23");

        assertThat(_get(TimeZoneSwitch.class).sentenceText()).isEqualTo("Times are in UK time (Europe/London).");
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Show times in my time zone")).getValue()).isFalse();
    }

    @Test
    void a_viewer_in_auckland_sees_afternoon_sessions_on_the_next_local_date_under_the_conference_day() {
        open("day=2026-11-23&tz=Pacific/Auckland");

        // 10am and 2pm in London are 11pm Monday and 3am Tuesday in Auckland (UTC+13 in November).
        assertThat(currentDay()).isEqualTo("Monday 23 November");
        assertThat(slotTimes()).containsExactly("11pm", "3am (Tuesday 24 November)");
        assertThat(_find(card("Dementia-friendly design"), Paragraph.class).stream().map(Paragraph::getText))
                .contains("3am (Tuesday 24 November) to 4am");
        assertThat(_get(TimeZoneSwitch.class).sentenceText())
                .isEqualTo("Times are in New Zealand Time (Pacific/Auckland).");
        assertThat(_get(card("Tenants' voices"), Anchor.class).getHref())
                .isEqualTo("sessions/" + tenants + "?tz=Pacific/Auckland");
    }

    @Test
    void a_viewer_in_los_angeles_sees_morning_sessions_on_the_previous_local_date() {
        fixture.session(week, "Early bird").at(MONDAY.atTime(7, 0), MONDAY.atTime(8, 0)).create();

        open("day=2026-11-23&tz=America/Los_Angeles");

        assertThat(slotTimes()).containsExactly("11pm (Sunday 22 November)", "2am", "6am");
        assertThat(_find(card("Early bird"), Paragraph.class).stream().map(Paragraph::getText))
                .contains("11pm (Sunday 22 November) to 12am (Monday 23 November)");
    }

    @Test
    void the_night_the_clocks_go_back_in_london_keeps_sessions_on_their_conference_day() {
        ConferenceSummary autumn = fixture.conference("Autumn gathering", "Europe/London",
                LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26));
        LocalDate sunday = LocalDate.of(2026, 10, 25);
        fixture.session(autumn, "Half past midnight").at(sunday.atTime(0, 30), sunday.atTime(0, 50)).create();
        // 1.30am happens twice that night: once in BST (00:30 UTC), once in GMT (01:30 UTC).
        fixture.session(autumn, "First 1.30am").at(Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T00:50:00Z")).create();
        fixture.session(autumn, "Second 1.30am").at(Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-10-25T01:50:00Z")).create();
        fixture.session(autumn, "Half past two").at(sunday.atTime(2, 30), sunday.atTime(3, 0)).create();

        open(autumn, "day=2026-10-25");
        assertThat(slotTimes()).containsExactly("12.30am", "1.30am (UTC+1)", "1.30am (UTC)", "2.30am");

        open(autumn, "day=2026-10-25&tz=America/New_York");
        // New York is still on summer time (UTC-4) until 1 November.
        assertThat(slotTimes()).containsExactly("7.30pm (Saturday 24 October)", "8.30pm (Saturday 24 October)",
                "9.30pm (Saturday 24 October)", "10.30pm (Saturday 24 October)");
    }

    @Test
    void a_new_york_viewer_on_1_november_sees_the_repeated_hour_marked_with_its_offset() {
        ConferenceSummary london = fixture.conference("November gathering", "Europe/London",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1));
        fixture.session(london, "Before the change").at(Instant.parse("2026-11-01T05:30:00Z"),
                Instant.parse("2026-11-01T05:50:00Z")).create();
        fixture.session(london, "After the change").at(Instant.parse("2026-11-01T06:30:00Z"),
                Instant.parse("2026-11-01T06:50:00Z")).create();

        open(london, "tz=America/New_York");

        assertThat(slotTimes()).containsExactly("1.30am (UTC-4)", "1.30am (UTC-5)");
    }

    @Test
    void the_time_zone_switch_uses_the_browser_zone_and_remembers_it_in_the_url() {
        open("day=2026-11-23");
        browserZone("America/Los_Angeles");

        setAsUser(_get(Checkbox.class, spec -> spec.withLabel("Show times in my time zone")), true);

        assertThat(location()).contains("tz=local");
        assertThat(_get(TimeZoneSwitch.class).sentenceText())
                .isEqualTo("Times are in your time zone: Pacific Time (America/Los_Angeles).");
        assertThat(slotTimes()).containsExactly("2am", "6am");

        setAsUser(_get(Checkbox.class, spec -> spec.withLabel("Show times in my time zone")), false);

        assertThat(location()).doesNotContain("tz=");
        assertThat(slotTimes()).containsExactly("10am", "2pm");
        assertThat(_get(TimeZoneSwitch.class).sentenceText()).isEqualTo("Times are in UK time (Europe/London).");
    }

    @Test
    void a_signed_in_attendee_adds_and_removes_a_session_from_their_agenda() {
        ConveneUser user = fixture.user("Priya");
        login(user);
        open("day=2026-11-23");
        assertThat(_find(Anchor.class, spec -> spec.withText("Log in to plan your week"))).isEmpty();

        AgendaToggle toggle = _find(AgendaToggle.class).stream().filter(t -> t.sessionId() == tenants)
                .findFirst().orElseThrow();
        Button button = _get(toggle, Button.class);
        assertThat(button.getText()).isEqualTo("Add to my agenda");
        assertThat(button.getAriaLabel()).contains("Add to my agenda: Tenants' voices");
        assertThat(button.getElement().getAttribute("aria-pressed")).isEqualTo("false");

        _click(button);

        assertThat(button.getText()).isEqualTo("Remove from my agenda");
        assertThat(button.getAriaLabel()).contains("Remove from my agenda: Tenants' voices");
        assertThat(button.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(agendaService.mySessionIds()).containsExactly(tenants);
        assertThat(status()).isEqualTo("Added \u201cTenants' voices\u201d to your agenda.");

        // The state comes from the database on the next visit, not from the button.
        open("day=2026-11-24");
        open("day=2026-11-23");
        AgendaToggle again = _find(AgendaToggle.class).stream().filter(t -> t.sessionId() == tenants)
                .findFirst().orElseThrow();
        assertThat(again.isOnAgenda()).isTrue();
        _click(_get(again, Button.class));

        assertThat(db.fetchCount(AGENDA_ITEM, AGENDA_ITEM.USER_ID.eq(user.id()))).isZero();
    }

    @Test
    void anonymous_visitors_see_one_log_in_hint_and_no_agenda_buttons() {
        open("day=2026-11-23");

        assertThat(_find(Anchor.class, spec -> spec.withText("Log in to plan your week"))).hasSize(1)
                .allMatch(a -> a.getHref().equals("login"));
        assertThat(_find(AgendaToggle.class)).isEmpty();
    }

    @Test
    void the_no_sessions_day_message_is_plain_when_nothing_is_filtered() {
        open("day=2026-11-27");

        assertThat(_get(Paragraph.class, spec -> spec.withText("There are no sessions on this day."))).isNotNull();
        assertThat(status()).isEqualTo("No sessions on Friday 27 November.");
    }

    @Test
    void a_cancelled_session_says_so_in_words_with_the_reason_and_is_never_happening_now() {
        db.update(org.convene.db.Tables.PROGRAMME_SESSION)
                .set(org.convene.db.Tables.PROGRAMME_SESSION.CANCELLED_AT, java.time.Instant.parse("2026-11-20T09:00:00Z"))
                .set(org.convene.db.Tables.PROGRAMME_SESSION.CANCELLATION_REASON, "The speaker is unwell")
                .where(org.convene.db.Tables.PROGRAMME_SESSION.ID.eq(carePlans)).execute();
        clock.set(Instant.parse("2026-11-23T10:45:00Z"));
        open("");

        assertThat(card("Co-producing care plans").getElement().getTextRecursively())
                .contains("Cancelled: The speaker is unwell");
        assertThat(card("Co-producing care plans").marker()).isEqualTo(SessionCard.Marker.NONE);
        assertThat(card("Tenants' voices").marker()).isEqualTo(SessionCard.Marker.HAPPENING_NOW);
        assertThat(card("Tenants' voices").getElement().getTextRecursively()).doesNotContain("Cancelled");
    }
}
