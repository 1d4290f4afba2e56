package org.convene.materials.api;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.materials.Material;
import org.convene.materials.MaterialDraft;
import org.convene.materials.MaterialKind;
import org.convene.materials.MaterialSamples;
import org.convene.materials.MaterialsService;
import org.convene.materials.Publication;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class MaterialFileControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    MaterialsService materials;
    @Autowired
    DSLContext db;

    MockMvc mvc;
    ProgrammeFixture fixture;
    HostRef carers;
    ConveneUser host;
    long session;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new ProgrammeFixture(db);
        LocalDate day = LocalDate.of(2033, 3, 8);
        ConferenceSummary conference = fixture.conference("Downloads week", "Europe/London", day, day);
        carers = fixture.host("Carers Together");
        session = fixture.session(conference, "Caring at home").at(day.atTime(10, 0), day.atTime(11, 0))
                .host(carers).create();
        host = fixture.coordinator("Hana Host", carers);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
    }

    private Material add(String name, byte[] bytes, Publication publication) {
        AccountFixtures.actAs(host);
        try {
            SaveResult<Material> result = materials.add(session, MaterialDraft.file(MaterialKind.SLIDES, "Slides",
                    publication, new MaterialDraft.UploadedFile(name, bytes)));
            return ((SaveResult.Saved<Material>) result).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anyone_downloads_a_published_file_as_an_attachment_of_its_real_type() throws Exception {
        Material slides = add("Caring at home.pdf", MaterialSamples.pdf(), Publication.NOW);

        var response = mvc.perform(get(Material.filePath(slides.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Caring at home.pdf\"; filename*=UTF-8''Caring%20at%20home.pdf"))
                .andExpect(header().string("Content-Length", String.valueOf(MaterialSamples.pdf().length)))
                .andExpect(content().bytes(MaterialSamples.pdf()))
                .andReturn().getResponse();
        assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.getHeaders("Cache-Control")).as("no shared cache keeps a file that may be withdrawn")
                .singleElement().asString().contains("private");
    }

    @Test
    void the_download_name_is_made_safe_and_ends_in_the_real_type() throws Exception {
        Material text = add("../../index\".html", MaterialSamples.text(), Publication.NOW);

        String disposition = mvc.perform(get(Material.filePath(text.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andReturn().getResponse().getHeader("Content-Disposition");

        assertThat(disposition).isEqualTo("attachment; filename=\"index-.txt\"; filename*=UTF-8''index-.txt");
    }

    @Test
    void an_unpublished_file_is_not_found_except_for_those_who_manage_the_session() throws Exception {
        Material draft = add("draft.pdf", MaterialSamples.pdf(), Publication.HIDDEN);

        mvc.perform(get(Material.filePath(draft.id()))).andExpect(status().isNotFound());
        mvc.perform(get(Material.filePath(draft.id())).with(user(fixture.attendee())))
                .andExpect(status().isNotFound());
        mvc.perform(get(Material.filePath(draft.id())).with(user(host)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(MaterialSamples.pdf()));
    }

    @Test
    void an_unknown_or_malformed_id_is_not_found_without_an_error() throws Exception {
        mvc.perform(get("/materials/999999999/file")).andExpect(status().isNotFound());
        mvc.perform(get("/materials/abc/file")).andExpect(status().is4xxClientError());
        mvc.perform(get("/materials/99999999999999999999/file")).andExpect(status().is4xxClientError());
    }
}
