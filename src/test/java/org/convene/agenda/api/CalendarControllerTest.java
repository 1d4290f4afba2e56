package org.convene.agenda.api;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.agenda.AgendaService;
import org.convene.agenda.CalendarService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    AgendaService agenda;
    @Autowired
    CalendarService calendars;

    MockMvc mvc;
    long summerSession;
    long clocksChangeSession;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long conference = data.conference("Europe/London", LocalDate.of(2031, 10, 24), LocalDate.of(2031, 10, 28));
        summerSession = data.session(conference, "Co-production, week one; a start",
                Instant.parse("2031-07-07T09:00:00Z"), Instant.parse("2031-07-07T10:30:00Z"));
        // UK clocks go back at 02:00 BST on Sunday 26 October 2031: 01:30 UTC is 01:30 GMT, after the change.
        clocksChangeSession = data.session(conference, "Night owls",
                Instant.parse("2031-10-26T01:30:00Z"), Instant.parse("2031-10-26T02:30:00Z"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String fetch(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void anyone_can_download_one_session_as_valid_icalendar_in_the_conference_time_zone() throws Exception {
        String ics = fetch("/calendar/sessions/" + summerSession + ".ics");

        Calendar calendar = parse(ics);
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/London",
                "DTSTART;TZID=Europe/London:20310707T100000",
                "DTEND;TZID=Europe/London:20310707T113000",
                "SUMMARY:Co-production\\, week one\\; a start",
                "UID:session-" + summerSession + "@convene");
    }

    @Test
    void a_session_after_the_clocks_go_back_keeps_its_real_local_time() throws Exception {
        String ics = fetch("/calendar/sessions/" + clocksChangeSession + ".ics");

        assertThat(ics).contains("DTSTART;TZID=Europe/London:20311026T013000");
        VEvent event = parse(ics).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getDateTimeStart().getDate().toString()).contains("2031-10-26T01:30");
    }

    @Test
    void an_unknown_session_is_not_found() throws Exception {
        mvc.perform(get("/calendar/sessions/999999999.ics")).andExpect(status().isNotFound());
    }

    @Test
    void my_private_feed_shows_my_agenda_and_stops_when_renewed_or_revoked() throws Exception {
        ConveneUser me = data.user();
        AccountFixtures.actAs(me);
        agenda.add(summerSession);
        agenda.add(clocksChangeSession);
        String firstToken = calendars.renewFeed();
        SecurityContextHolder.clearContext();

        String feed = fetch("/calendar/feeds/" + firstToken + ".ics");
        assertThat(parse(feed).getComponents("VEVENT")).hasSize(2);
        assertThat(feed).contains("X-WR-CALNAME:My Convene agenda");

        AccountFixtures.actAs(me);
        String secondToken = calendars.renewFeed();
        SecurityContextHolder.clearContext();
        mvc.perform(get("/calendar/feeds/" + firstToken + ".ics")).andExpect(status().isNotFound());
        assertThat(fetch("/calendar/feeds/" + secondToken + ".ics")).contains("SUMMARY:Night owls");

        AccountFixtures.actAs(me);
        calendars.revokeFeed();
        SecurityContextHolder.clearContext();
        mvc.perform(get("/calendar/feeds/" + secondToken + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void a_feed_shows_only_its_owners_sessions() throws Exception {
        ConveneUser alex = data.user();
        ConveneUser sam = data.user();
        AccountFixtures.actAs(alex);
        agenda.add(summerSession);
        String alexToken = calendars.renewFeed();
        AccountFixtures.actAs(sam);
        agenda.add(clocksChangeSession);
        SecurityContextHolder.clearContext();

        List<String> summaries = parse(fetch("/calendar/feeds/" + alexToken + ".ics"))
                .getComponents("VEVENT").stream()
                .map(c -> ((VEvent) c).getSummary().getValue()).toList();
        assertThat(summaries).containsExactly("Co-production, week one; a start");
    }

    @Test
    void a_session_calendar_gives_the_join_link_on_convene_and_never_the_meeting_address() throws Exception {
        String ics = fetch("/calendar/sessions/" + summerSession + ".ics");

        String join = "https://convene.example.test/sessions/" + summerSession + "/join";
        assertThat(ics).doesNotContain("meet.example.org").contains("LOCATION:" + join);
        VEvent event = parse(ics).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getDescription().getValue()).contains(join);
    }

    @Test
    void a_feed_gives_join_links_on_convene_whatever_host_the_request_names() throws Exception {
        AccountFixtures.actAs(data.user());
        agenda.add(summerSession);
        String token = calendars.renewFeed();
        SecurityContextHolder.clearContext();

        String feed = mvc.perform(get("/calendar/feeds/" + token + ".ics").header("Host", "attacker.example.net"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(feed).doesNotContain("attacker.example.net").doesNotContain("meet.example.org")
                .contains("URL:https://convene.example.test/sessions/" + summerSession)
                .contains("LOCATION:https://convene.example.test/sessions/" + summerSession + "/join");
    }

    @Test
    void a_carriage_return_in_a_title_cannot_add_a_property_to_the_event() throws Exception {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 8));
        long injected = data.session(conference, "Tea\rX-INJECTED:yes\rATTACH:https://evil.example.net/x",
                Instant.parse("2031-07-07T09:00:00Z"), Instant.parse("2031-07-07T10:00:00Z"));

        String ics = fetch("/calendar/sessions/" + injected + ".ics");

        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        VEvent event = parse(ics).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("X-INJECTED")).isEmpty();
        assertThat(event.getProperty("ATTACH")).isEmpty();
        assertThat(event.getSummary().getValue()).isEqualTo("Tea X-INJECTED:yes ATTACH:https://evil.example.net/x");
    }

    @Test
    void a_made_up_feed_token_is_not_found() throws Exception {
        mvc.perform(get("/calendar/feeds/not-a-real-token.ics")).andExpect(status().isNotFound());
    }
}
