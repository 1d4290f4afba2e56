package org.convene.exchange.api;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.PersonRole;
import org.convene.programme.ProgrammeFixture;
import org.convene.exchange.ScheduleFiles;
import org.convene.programme.SessionFormat;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ScheduleApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;

    MockMvc mvc;
    ProgrammeFixture fixture;
    ConferenceSummary conference;
    long opening;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new ProgrammeFixture(db);
        conference = fixture.conference("Co-production Week " + fixture.tag(), "Europe/London",
                LocalDate.of(2031, 10, 24), LocalDate.of(2031, 10, 27));
        TrackRef main = fixture.track(conference, "Main stage", 0);
        long sam = fixture.person("Sam Okafor", "Voices Together", "Sam chairs <the> user panel & more.");
        opening = fixture.session(conference, "Opening: \"nothing about us\" <without> us")
                .at(LocalDateTime.of(2031, 10, 24, 10, 0), LocalDateTime.of(2031, 10, 24, 11, 30))
                // a control character pasted from a word processor: it cannot appear in XML at all
                .track(main).format(SessionFormat.PANEL).summary("Welcome to **the week**.\u000B\n\n- plenary\n- Q&A")
                .joinUrl("https://meet.example.org/opening").recordingUrl("https://video.example.org/opening")
                .person(sam, PersonRole.FACILITATOR).create();
        // Clocks go back on Sunday 26 October 2031: this day has 25 hours, and the offset changes in it.
        fixture.session(conference, "Night owls")
                .at(LocalDateTime.of(2031, 10, 26, 1, 30), LocalDateTime.of(2031, 10, 26, 3, 0))
                .format(SessionFormat.SOCIAL).create();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
    }

    private String fetch(String url, String contentType) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(contentType))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_frab_xml_export_is_valid_against_the_schedule_xsd() throws Exception {
        String xml = fetch("/conferences/" + conference.slug() + "/schedule.xml", "application/xml");

        ScheduleFiles.assertValidXml(xml);
        assertThat(xml).contains("<time_zone_name>Europe/London</time_zone_name>")
                .contains("<day index=\"1\" date=\"2031-10-24\" start=\"2031-10-24T00:00:00+01:00\" end=\"2031-10-25T00:00:00+01:00\">")
                .contains("<room name=\"Main stage\">").contains("<room name=\"Online\">")
                .contains("<start>10:00</start>").contains("<duration>01:30</duration>")
                .contains("<date>2031-10-26T01:30:00+01:00</date>")
                .contains("<type>Panel discussion</type>")
                .contains("<abstract>Welcome to the week.")
                .contains(">Sam Okafor</person>")
                .contains("href=\"https://convene.example.test/sessions/" + opening + "/join\"");
    }

    @Test
    void no_export_carries_the_meeting_address_only_the_join_link_on_convene() throws Exception {
        String join = "https://convene.example.test/sessions/" + opening + "/join";
        for (String format : List.of("xml", "json", "ics")) {
            String file = fetch("/conferences/" + conference.slug() + "/schedule." + format,
                    format.equals("ics") ? "text/calendar" : "application/" + format);

            assertThat(file).as(format).doesNotContain("meet.example.org").contains(join);
        }
        assertThat(fetch("/conferences/" + conference.slug() + "/schedule.ics", "text/calendar"))
                .contains("LOCATION:" + join);
    }

    @Test
    void a_forged_host_header_does_not_change_the_links_in_an_export() throws Exception {
        for (String format : List.of("xml", "json", "ics")) {
            String file = mvc.perform(get("/conferences/" + conference.slug() + "/schedule." + format)
                            .header("Host", "attacker.example.net").header("X-Forwarded-Host", "attacker.example.net"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(file).as(format).doesNotContain("attacker.example.net")
                    .contains("https://convene.example.test/sessions/" + opening);
        }
    }

    @Test
    void the_json_export_is_valid_against_the_schedule_json_schema() throws Exception {
        String json = fetch("/conferences/" + conference.slug() + "/schedule.json", "application/json");

        assertThat(ScheduleFiles.jsonSchemaErrors(json)).isEmpty();
        JsonNode days = JSON.readTree(json).path("schedule").path("conference").path("days");
        assertThat(days).hasSize(4);
        JsonNode opening = days.get(0).path("rooms").path("Main stage").get(0);
        assertThat(opening.path("title").asString()).isEqualTo("Opening: \"nothing about us\" <without> us");
        assertThat(opening.path("persons").get(0).path("name").asString()).isEqualTo("Sam Okafor");
        // 01:30 BST to 03:00 GMT: the clocks went back in between, so it lasts two and a half hours.
        assertThat(days.get(2).path("rooms").path("Online").get(0).path("duration").asString()).isEqualTo("02:30");
    }

    @Test
    void the_json_schema_check_inside_the_suite_does_catch_a_broken_export() throws Exception {
        ObjectNode broken = (ObjectNode) JSON.readTree(fetch("/conferences/" + conference.slug() + "/schedule.json",
                "application/json"));
        ((ObjectNode) broken.path("schedule").path("conference").path("days").get(0).path("rooms").path("Main stage")
                .get(0)).remove("guid");

        assertThat(ScheduleFiles.jsonSchemaErrors(broken.toString())).isNotEmpty();
    }

    @Test
    void the_icalendar_export_holds_every_session_in_the_conference_zone() throws Exception {
        String ics = fetch("/conferences/" + conference.slug() + "/schedule.ics", "text/calendar");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(VEvent.class.getSimpleName().toUpperCase());
        assertThat(events).hasSize(2);
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
        assertThat(events).allSatisfy(e -> assertThat(e.getUid().orElseThrow().getValue()).matches("session-\\d+@convene"));
        assertThat(ics).contains("DTSTART;TZID=Europe/London:20311024T100000");
    }

    @Test
    void the_current_conference_schedule_is_public_at_the_top_level() throws Exception {
        String json = fetch("/schedule.json", "application/json");
        assertThat(ScheduleFiles.jsonSchemaErrors(json)).isEmpty();
        ScheduleFiles.assertValidXml(fetch("/schedule.xml", "application/xml"));
        assertThat(fetch("/schedule.ics", "text/calendar")).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void an_unknown_conference_has_no_schedule() throws Exception {
        mvc.perform(get("/conferences/no-such-" + fixture.tag() + "/schedule.json")).andExpect(status().isNotFound());
    }

    @Test
    void the_conference_page_itself_is_still_the_vaadin_timetable_route() throws Exception {
        MvcResult page = mvc.perform(get("/conferences/" + conference.slug())).andReturn();
        MvcResult file = mvc.perform(get("/conferences/" + conference.slug() + "/schedule.json")).andReturn();

        assertThat(((HandlerMethod) file.getHandler()).getBeanType()).isEqualTo(ScheduleController.class);
        // No Spring MVC controller claims the page itself, so it stays with Vaadin's router (see the Karibu test).
        assertThat(page.getHandler() instanceof HandlerMethod).isFalse();
        assertThat(page.getResponse().getContentType()).isNotEqualTo("application/json");
    }

    private String tokenFor(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return tokens.create("Schedule script").secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void an_organiser_script_imports_a_schedule_and_gets_a_summary() throws Exception {
        String token = tokenFor(data.user(Role.ORGANISER));
        ObjectNode file = (ObjectNode) JSON.readTree(ScheduleFiles.pretalxExample());
        String slug = "api-democon-" + fixture.tag();
        ((ObjectNode) file.path("schedule").path("conference")).put("acronym", slug);
        try {
            mvc.perform(post("/api/programme/import").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content(file.toString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.conferenceSlug").value(slug))
                    .andExpect(jsonPath("$.conferenceCreated").value(true))
                    .andExpect(jsonPath("$.tracksCreated").value(2))
                    .andExpect(jsonPath("$.sessionsUpdated").value(0));
        } finally {
            db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.eq(slug)).execute();
        }
    }

    @Test
    void a_bad_schedule_gets_400_with_a_code_and_a_message() throws Exception {
        String token = tokenFor(data.user(Role.ORGANISER));
        mvc.perform(post("/api/programme/import").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"schedule\": 42"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SCHEDULE"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("The file is not JSON")));
    }

    @Test
    void attendees_and_strangers_cannot_import() throws Exception {
        String attendee = tokenFor(data.user());
        String body = ScheduleFiles.pretalxExample();
        mvc.perform(post("/api/programme/import").header("Authorization", "Bearer " + attendee)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(post("/api/programme/import").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(db.fetchExists(CONFERENCE, CONFERENCE.SLUG.eq("democon"))).isFalse();
    }

    @Test
    void a_schedule_larger_than_the_limit_is_refused_with_413_and_a_clear_message() throws Exception {
        String token = tokenFor(data.user(Role.ORGANISER));
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        mvc.perform(post("/api/programme/import").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("SCHEDULE_TOO_LARGE"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(
                        "The schedule file is larger than 10 MB, the most Convene imports at once.")));
    }
}
