package org.convene.core.security;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestConfig;
import org.convene.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The security chains in the order SecurityChainOrder gives them, each taking its own addresses, and what each
 * does with a request from someone not signed in. That a page needing a sign-in sends to the log-in page needs
 * Vaadin's route registry, which MockMvc has not: PageAddressesIT checks it over real HTTP.
 */
@IntegrationTest
class SecurityChainsTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;
    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }

    /** The index of the first chain that takes the address: the one Spring Security gives it to. */
    private int chainFor(String path) {
        List<SecurityFilterChain> chains = springSecurityFilterChain.getFilterChains();
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).matches(request(path))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void the_api_join_template_and_pages_chains_come_in_that_order_each_taking_its_own_addresses() {
        assertThat(springSecurityFilterChain.getFilterChains()).hasSize(4);
        assertThat(chainFor("/api/me/tokens")).isEqualTo(0);
        assertThat(chainFor("/api/sessions/1/questions")).isEqualTo(0);
        assertThat(chainFor("/ws")).isEqualTo(0);
        assertThat(chainFor("/sessions/1/join")).isEqualTo(1);
        assertThat(chainFor("/manage/import/template.csv")).isEqualTo(2);
        assertThat(chainFor("/sessions/1")).isEqualTo(3);
        assertThat(chainFor("/account")).isEqualTo(3);
        assertThat(chainFor("/calendar/abc.ics")).isEqualTo(3);
        assertThat(chainFor("/login")).isEqualTo(3);
        assertThat(chainFor("/no/such/address")).as("the pages chain takes everything else").isEqualTo(3);
    }

    @Test
    void the_api_answers_401_without_a_token_instead_of_sending_to_log_in() throws Exception {
        mvc.perform(get("/api/me/tokens")).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("NOT_SIGNED_IN"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Sign in")));
    }

    @Test
    void the_join_link_works_for_someone_not_signed_in() throws Exception {
        Instant start = Instant.parse("2031-06-02T10:00:00Z");
        long conference = data.conference("Europe/London", LocalDate.ofInstant(start, ZoneOffset.UTC),
                LocalDate.ofInstant(start, ZoneOffset.UTC));
        long session = data.session(conference, TestData.unique("Join chain"), start, start.plusSeconds(3600));
        clock.set(start.plusSeconds(60));
        mvc.perform(get("/sessions/" + session + "/join")).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", startsWith("https://meet.example.org/")));
    }

    @Test
    void the_import_template_sends_someone_not_signed_in_to_log_in() throws Exception {
        mvc.perform(get("/manage/import/template.csv")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void the_pages_chain_lets_an_address_it_does_not_know_through_to_vaadin() throws Exception {
        mvc.perform(get("/no/such/address")).andExpect(status().isOk())
                .andExpect(forwardedUrl(TestConfig.VAADIN_SERVLET));
    }
}
