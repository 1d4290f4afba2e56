package org.convene.exchange.api;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CsvTemplateControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static UsernamePasswordAuthenticationToken as(ConveneUser user) {
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    @Test
    void an_organiser_downloads_the_template_dated_in_the_chosen_conference() throws Exception {
        long conference = data.conference("Europe/London", LocalDate.of(2032, 3, 1), LocalDate.of(2032, 3, 5));

        MvcResult result = mvc.perform(get("/manage/import/template.csv").param("conference", Long.toString(conference))
                        .with(authentication(as(data.user(Role.ORGANISER)))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"convene-sessions-template.csv\""))
                .andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFreference,title,description,format,date,start,end,track,host,");
        assertThat(body).contains(",Webinar,2032-03-01,10:30,11:30,");
    }

    @Test
    void attendees_are_refused_and_people_not_signed_in_are_sent_to_log_in() throws Exception {
        mvc.perform(get("/manage/import/template.csv").with(authentication(as(data.user()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/manage/import/template.csv"))
                .andExpect(status().is3xxRedirection());
    }
}
