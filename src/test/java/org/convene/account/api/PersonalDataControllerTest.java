package org.convene.account.api;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PersonalDataControllerTest {

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
    void a_signed_in_person_downloads_their_own_data_as_a_zip_that_no_cache_keeps() throws Exception {
        ConveneUser ada = fixtures.user("Ada Downloader");

        MvcResult result = mvc.perform(get(PersonalDataController.PATH).with(user(ada)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"convene-your-data.zip\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();

        String details = entry(result.getResponse().getContentAsByteArray(), "account-details.csv");
        assertThat(details).contains("Ada Downloader", ada.email());
    }

    @Test
    void someone_not_signed_in_is_sent_to_log_in() throws Exception {
        mvc.perform(get(PersonalDataController.PATH))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/login"));
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the zip");
    }
}
