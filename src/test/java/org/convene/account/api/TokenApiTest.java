package org.convene.account.api;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TokenApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    ApiTokenService tokens;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void a_script_creates_a_token_with_email_and_password_then_uses_and_revokes_it() throws Exception {
        ConveneUser me = fixtures.user("Script Writer");

        String body = mvc.perform(post("/api/tokens").with(httpBasic(me.email(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Captioning bot\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Captioning bot"))
                .andReturn().getResponse().getContentAsString();
        var created = JsonMapper.builder().build().readTree(body);
        String token = created.get("token").asString();
        long id = created.get("id").asLong();
        assertThat(token).startsWith("cvn_");

        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Captioning bot"))
                .andExpect(jsonPath("$[0].secret").doesNotExist());

        mvc.perform(delete("/api/tokens/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_TOKEN"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("The access token is unknown or was revoked."));
    }

    @Test
    void a_wrong_password_or_no_credentials_get_no_token() throws Exception {
        ConveneUser me = fixtures.user("Careful Person");
        mvc.perform(post("/api/tokens").with(httpBasic(me.email(), "not-the-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_needs_a_name() throws Exception {
        ConveneUser me = fixtures.user("Nameless Token");
        mvc.perform(post("/api/tokens").with(httpBasic(me.email(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Give the token a name")));
    }

    @Test
    void a_token_name_with_a_nul_is_refused_with_a_clear_400_not_a_server_error() throws Exception {
        ConveneUser me = fixtures.user("Careless Paste");
        mvc.perform(post("/api/tokens").with(httpBasic(me.email(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Stage\\u0000display\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID"))
                .andExpect(jsonPath("$.message").value("The name contains a character that cannot be stored (a control character). Remove it and try again."));
    }

    @Test
    void the_person_a_token_signs_in_carries_no_password_hash() {
        ConveneUser me = fixtures.user("Token Holder");
        AccountFixtures.actAs(me);
        String secret = tokens.create("Stage display").secret();

        assertThat(tokens.authenticate(secret)).hasValueSatisfying(principal -> {
            assertThat(principal.id()).isEqualTo(me.id());
            assertThat(principal.passwordHash()).isEmpty();
            assertThat(principal.getPassword()).isEmpty();
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
