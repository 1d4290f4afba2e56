package org.convene.attendance.api;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Join redirect (records the arrival) and the organisers' CSV endpoints behind a personal access token. */
@IntegrationTest
class AttendanceApiTest {

    private static final Instant START = Instant.parse("2031-05-12T10:00:00Z");

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    ApiTokenService tokens;

    MockMvc mvc;
    long session;
    String slug;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long conference = data.conference("Europe/London", LocalDate.of(2031, 5, 12), LocalDate.of(2031, 5, 16));
        session = data.session(conference, "Tenants' voices", START, START.plusSeconds(3600));
        slug = db.select(CONFERENCE.SLUG).from(CONFERENCE).where(CONFERENCE.ID.eq(conference)).fetchSingle().value1();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private static MockHttpSession signedIn(ConveneUser user) {
        MockHttpSession http = new MockHttpSession();
        http.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())));
        return http;
    }

    private String tokenOf(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return tokens.create("Reports script").secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void following_join_during_the_session_records_the_arrival_and_redirects_to_the_meeting() throws Exception {
        ConveneUser alex = data.user();
        String meeting = db.select(PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1();
        clock.set(START.plusSeconds(300));

        mvc.perform(get("/sessions/" + session + "/join").session(signedIn(alex)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", meeting));

        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id())
                .and(ATTENDANCE_INTERVAL.JOINED_AT.eq(START.plusSeconds(300))))).isEqualTo(1);
    }

    @Test
    void join_works_for_people_not_signed_in_without_recording_and_waits_for_the_join_window() throws Exception {
        clock.set(START.plusSeconds(300));
        mvc.perform(get("/sessions/" + session + "/join")).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("https://meet.example.org/")));

        clock.set(START.minusSeconds(3600));
        ConveneUser early = data.user();
        mvc.perform(get("/sessions/" + session + "/join").session(signedIn(early))).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/sessions/" + session));
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(early.id()))).isZero();

        mvc.perform(get("/sessions/" + Long.MAX_VALUE + "/join")).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/sessions/" + Long.MAX_VALUE));
    }

    @Test
    void join_refuses_a_cancelled_session_and_sends_people_back_to_its_page_which_says_so() throws Exception {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, START.minusSeconds(86_400))
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        ConveneUser alex = data.user();
        clock.set(START.plusSeconds(300));

        mvc.perform(get("/sessions/" + session + "/join").session(signedIn(alex)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/sessions/" + session));

        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id()))).isZero();
    }

    @Test
    void a_stored_link_that_cannot_be_read_gets_a_plain_page_not_a_server_error() throws Exception {
        // the database only checks the start; a link pasted with a space or a stray character still gets in
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.JOIN_URL, "https://meet.example.org/room 12|<b>")
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        clock.set(START.plusSeconds(300));

        String page = mvc.perform(get("/sessions/" + session + "/join"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"en\">")
                .contains("The joining link for this session is not working")
                .contains("href=\"/sessions/" + session + "\"")
                .doesNotContain("meet.example.org");
    }

    @Test
    void a_conference_that_asks_for_an_account_sends_people_not_signed_in_to_log_in_and_back() throws Exception {
        long conference = db.select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1();
        db.update(CONFERENCE).set(CONFERENCE.JOIN_NEEDS_ACCOUNT, true).where(CONFERENCE.ID.eq(conference)).execute();
        clock.set(START.plusSeconds(300));
        MockHttpSession anonymous = new MockHttpSession();

        mvc.perform(get("/sessions/" + session + "/join").session(anonymous))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/login"));
        // the log-in's success handler sends the person back to the request it saved
        var saved = (org.springframework.security.web.savedrequest.SavedRequest) anonymous.getAttribute(
                "SPRING_SECURITY_SAVED_REQUEST");
        assertThat(saved).isNotNull();
        assertThat(saved.getRedirectUrl()).contains("/sessions/" + session + "/join");

        String meeting = db.select(PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1();
        mvc.perform(get("/sessions/" + session + "/join").session(signedIn(data.user())))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", meeting));
    }

    @Test
    void a_conference_that_asks_for_an_account_still_sends_anyone_early_back_to_the_session_page() throws Exception {
        long conference = db.select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1();
        db.update(CONFERENCE).set(CONFERENCE.JOIN_NEEDS_ACCOUNT, true).where(CONFERENCE.ID.eq(conference)).execute();
        clock.set(START.minusSeconds(3600));

        mvc.perform(get("/sessions/" + session + "/join"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/sessions/" + session));
    }

    @Test
    void organisers_scripts_download_attendance_csv_with_a_token_and_nobody_else_can() throws Exception {
        ConveneUser named = data.user();
        db.insertInto(ATTENDANCE_INTERVAL).set(ATTENDANCE_INTERVAL.SESSION_ID, session)
                .set(ATTENDANCE_INTERVAL.USER_ID, named.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, START)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, START.plusSeconds(600))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, START.plusSeconds(600)).execute();
        String organiser = tokenOf(data.user(Role.ORGANISER));
        String attendee = tokenOf(data.user());

        String csv = mvc.perform(get("/api/reports/conferences/" + slug + "/attendance.csv")
                        .header("Authorization", "Bearer " + organiser))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains(",Tenants' voices,Attendee 1,no,2031-05-12T10:00:00Z,2031-05-12T10:10:00Z,")
                .doesNotContain(named.displayName());

        mvc.perform(get("/api/reports/sessions/" + session + "/attendees.csv").header("Authorization", "Bearer " + organiser))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reports/conferences/" + slug + "/attendance.csv").header("Authorization", "Bearer " + attendee))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/conferences/" + slug + "/attendance.csv")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/reports/conferences/no-such-week/attendance.csv").header("Authorization", "Bearer " + organiser))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_host_coordinators_token_downloads_their_own_sessions_attendees_only() throws Exception {
        long host = db.insertInto(org.convene.db.Tables.HOST_ORGANISATION)
                .set(org.convene.db.Tables.HOST_ORGANISATION.NAME, TestData.unique("Api host"))
                .returning(org.convene.db.Tables.HOST_ORGANISATION.ID).fetchSingle().getId();
        long conference = db.select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1();
        long own = data.session(conference, "Our own session", START, START.plusSeconds(3600));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.HOST_ID, host).where(PROGRAMME_SESSION.ID.eq(own)).execute();
        ConveneUser coordinator = data.user(Role.HOST);
        new ProgrammeFixture(db).coordinate(coordinator, host, START);
        String token = tokenOf(coordinator);

        mvc.perform(get("/api/reports/sessions/" + own + "/attendees.csv").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reports/sessions/" + session + "/attendees.csv").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/conferences/" + slug + "/sessions.csv").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        db.deleteFrom(org.convene.db.Tables.HOST_ORGANISATION)
                .where(org.convene.db.Tables.HOST_ORGANISATION.ID.eq(host)).execute();
    }
}
