package org.convene.qa;

import static org.convene.qa.QaResults.saved;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class QaCsvExportTest {

    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    QaExportService export;
    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    long session;
    ConveneUser asker;
    ConveneUser facilitator;

    @Autowired
    SecurityContextHolderStrategy strategy;

    @BeforeEach
    void setUp() {
        // Vaadin installs its security-context strategy globally from each Spring context it starts. After a test
        // class with another context (the STOMP tests), the global one is that context's, while this context's
        // filter chain reads its own: signed-in requests would then look anonymous. Use this context's again.
        SecurityContextHolder.setContextHolderStrategy(strategy);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        session = data.liveSession();
        asker = data.user();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private String export() {
        StringWriter out = new StringWriter();
        export.exportCsv(session, out);
        return out.toString();
    }

    private static List<CsvRecord> parse(String csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String tokenFor(ConveneUser user) {
        as(user);
        try {
            return tokens.create("CSV test").secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void each_question_is_one_row_with_commas_quotes_and_line_breaks_kept_intact() {
        as(asker);
        String tricky = "Is it \"co-production\", or consultation?\nAsking for our tenants' forum";
        QuestionView named = saved(qa.ask(session, tricky, false));
        QuestionView hidden = saved(qa.ask(session, "A private question, about money", true));
        as(facilitator);
        moderation.reply(named.id(), "Co-production, \"always\".");
        moderation.dismiss(hidden.id(), "Covered in tomorrow's session, sorry");

        String csv = export();
        List<CsvRecord> rows = parse(csv);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getFields()).containsExactlyElementsOf(QaExportService.CSV_HEADER);
        CsvRecord first = rows.get(1);
        assertThat(first.getField(0)).isEqualTo(Long.toString(named.id()));
        assertThat(Instant.parse(first.getField(1))).isEqualTo(named.askedAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(first.getField(1)).endsWith("Z");
        assertThat(first.getField(2)).isEqualTo("APPROVED");
        assertThat(first.getField(3)).isEqualTo(tricky);
        assertThat(first.getField(4)).isEqualTo(asker.displayName());
        assertThat(first.getField(5)).isEmpty();
        assertThat(first.getField(6)).isEqualTo("0");
        assertThat(first.getField(7)).isEqualTo("no");
        assertThat(first.getField(10)).isEqualTo(facilitator.displayName() + ": Co-production, \"always\".");
        // RFC 4180 on the wire: the field quoted, inner quotes doubled, the line break inside the quotes
        assertThat(csv).contains("\"Is it \"\"co-production\"\", or consultation?\nAsking for our tenants' forum\"");

        CsvRecord second = rows.get(2);
        assertThat(second.getField(2)).isEqualTo("DISMISSED");
        assertThat(second.getField(3)).isEqualTo("A private question, about money");
        assertThat(second.getField(4)).as("an anonymous question has no author, in the export too").isEmpty();
        assertThat(second.getField(8)).isEqualTo("Covered in tomorrow's session, sorry");
        assertThat(csv).doesNotContain(asker.email());
    }

    @Test
    void merged_questions_name_their_target_and_sent_in_questions_their_sender() {
        as(asker);
        QuestionView duplicate = saved(qa.ask(session, "When are the slides shared?", false));
        as(facilitator);
        QuestionView phoned = saved(moderation.askOnBehalf(session, "Where are the slides?", "Mrs Patel"));
        moderation.merge(duplicate.id(), phoned.id());
        moderation.pin(phoned.id());

        List<CsvRecord> rows = parse(export());

        CsvRecord merged = rows.get(1);
        assertThat(merged.getField(2)).isEqualTo("MERGED");
        assertThat(merged.getField(9)).isEqualTo(Long.toString(phoned.id()));
        CsvRecord sentIn = rows.get(2);
        assertThat(sentIn.getField(4)).isEmpty();
        assertThat(sentIn.getField(5)).isEqualTo("Mrs Patel");
        assertThat(sentIn.getField(7)).isEqualTo("yes");
    }

    @Test
    void text_that_looks_like_a_spreadsheet_formula_is_written_as_text() {
        as(asker);
        saved(qa.ask(session, "=HYPERLINK(\"http://evil.example\",\"click\")", false));
        saved(qa.ask(session, "@SUM(1+1)", false));
        as(facilitator);

        List<CsvRecord> rows = parse(export());

        assertThat(rows.get(1).getField(3)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(rows.get(2).getField(3)).isEqualTo("'@SUM(1+1)");
        assertThat(QaExportService.cell("How do we start?")).isEqualTo("How do we start?");
    }

    @Test
    void only_the_sessions_facilitators_and_organisers_may_export() {
        as(asker);
        saved(qa.ask(session, "Visible to facilitators only in the export", false));
        assertThatThrownBy(this::export).isInstanceOf(QaException.class)
                .satisfies(e -> assertThat(((QaException) e).code()).isEqualTo(QaException.Code.FORBIDDEN));

        ConveneUser otherFacilitator = data.user(Role.FACILITATOR);
        data.facilitate(data.liveSession(), otherFacilitator);
        as(otherFacilitator);
        assertThatThrownBy(this::export).isInstanceOf(QaException.class);

        SecurityContextHolder.clearContext();
        assertThatThrownBy(this::export).isInstanceOf(QaException.class)
                .satisfies(e -> assertThat(((QaException) e).code()).isEqualTo(QaException.Code.NOT_SIGNED_IN));

        as(data.user(Role.ORGANISER));
        assertThat(parse(export())).hasSize(2);
    }

    @Test
    void a_facilitator_downloads_the_csv_over_http_with_a_token() throws Exception {
        as(asker);
        saved(qa.ask(session, "Over HTTP, with a comma", true));
        String token = tokenFor(facilitator);

        MvcResult result = mvc.perform(get("/api/sessions/" + session + "/questions.csv")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"session-" + session + "-questions.csv\""))
                .andReturn();

        List<CsvRecord> rows = parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getField(3)).isEqualTo("Over HTTP, with a comma");
        assertThat(rows.get(1).getField(4)).isEmpty();
    }

    @Test
    void a_stranger_gets_401_and_an_attendee_403_over_http() throws Exception {
        String url = "/api/sessions/" + session + "/questions.csv";
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", "Bearer not-a-real-token")).andExpect(status().isUnauthorized());

        mvc.perform(get(url).header("Authorization", "Bearer " + tokenFor(asker)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.message").value(
                        "Only this session's facilitators and organisers can moderate its questions."));
    }

    @Test
    void an_unknown_session_is_not_found_over_http() throws Exception {
        mvc.perform(get("/api/sessions/999999999/questions.csv")
                        .header("Authorization", "Bearer " + tokenFor(data.user(Role.ORGANISER))))
                .andExpect(status().isNotFound());
    }
}
