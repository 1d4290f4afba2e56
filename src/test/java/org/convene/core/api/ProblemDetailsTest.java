package org.convene.core.api;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every API error is an RFC 9457 problem with our stable code, whichever controller it comes from. */
@IntegrationTest
class ProblemDetailsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    AccountFixtures fixtures;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void a_refused_input_is_a_problem_with_its_code_status_and_plain_message() throws Exception {
        ConveneUser me = fixtures.user("Problem Reader");
        mvc.perform(post("/api/tokens").with(httpBasic(me.email(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("INVALID"))
                .andExpect(jsonPath("$.detail").value(containsString("Give the token a name")))
                .andExpect(jsonPath("$.message").value(containsString("Give the token a name")));
    }

    @Test
    void an_unknown_session_is_a_not_found_problem() throws Exception {
        mvc.perform(get("/api/sessions/987654321/questions"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void a_malformed_id_is_an_invalid_request_problem() throws Exception {
        mvc.perform(get("/api/sessions/not-a-number/questions"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
    }

    @Test
    void a_refused_schedule_import_keeps_its_code_as_a_problem() throws Exception {
        ConveneUser me = fixtures.user("Not An Organiser");
        // HTTP Basic only makes tokens (issue 13): the import takes the token, as scripts send it
        String created = mvc.perform(post("/api/tokens").with(httpBasic(me.email(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Importer\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("token").asString();
        mvc.perform(post("/api/programme/import").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }
}
