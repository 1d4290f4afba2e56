package org.convene.mail.api;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One-click unsubscribe (RFC 8058) over HTTP, through the real security chains, as a mail provider calls it. */
@IntegrationTest
class UnsubscribeControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    MailPreferences preferences;

    MockMvc mvc;
    ConveneUser person;
    String path;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        person = data.user();
        String url = preferences.unsubscribeUrl(person.id());
        path = url.substring("https://convene.example.test".length());
    }

    private Map<MailTopic, Boolean> choices() {
        return preferences.of(person.id());
    }

    @Test
    void a_one_click_post_without_log_in_or_csrf_token_turns_every_topic_off() throws Exception {
        mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("Email reminders and updates are turned off")))
                .andExpect(content().string(containsString("href=\"/account\"")));

        assertThat(choices()).containsOnlyKeys(MailTopic.values()).doesNotContainValue(true);
    }

    @Test
    void a_get_only_shows_the_page_with_a_button_and_changes_nothing() throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<html lang=\"en-GB\">")))
                .andExpect(content().string(containsString("<form method=\"post\" action=\"" + path + "\">")))
                .andExpect(content().string(containsString("name=\"List-Unsubscribe\" value=\"One-Click\"")))
                .andExpect(content().string(containsString(
                        "<button type=\"submit\">Turn off all email reminders and updates</button>")));

        assertThat(choices()).doesNotContainValue(false);
    }

    @Test
    void an_unknown_token_gets_the_same_answers_and_changes_nobody() throws Exception {
        String unknown = "/mail/unsubscribe/not-a-real-token";
        String known = mvc.perform(post(path).content("List-Unsubscribe=One-Click")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post(unknown).content("List-Unsubscribe=One-Click").contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isOk())
                .andExpect(content().string(known));
        mvc.perform(get(unknown)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Turn off all email reminders and updates")));
        mvc.perform(post("/mail/unsubscribe/" + "x".repeat(5000))).andExpect(status().isOk());
    }

    @Test
    void a_token_is_written_into_the_page_escaped() throws Exception {
        mvc.perform(get("/mail/unsubscribe/a&b"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/mail/unsubscribe/a&amp;b\"")));
    }

    @Test
    void other_addresses_still_need_a_csrf_token_for_a_post() throws Exception {
        mvc.perform(post("/mail/unsubscribe").content("List-Unsubscribe=One-Click")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mail/unsubscribe/a/b").content("List-Unsubscribe=One-Click")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isForbidden());
    }
}
