package org.convene.account;

import org.convene.core.personal.PersonalDataTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataZipTest {

    private static final PersonalDataTable QUESTIONS = PersonalDataTable.of("asked", "The questions you asked.",
            List.of("Question", "Asked (UTC)"),
            List.of(Arrays.asList("=HYPERLINK(\"http://evil\")", Instant.parse("2026-03-02T10:00:00Z")),
                    Arrays.asList("Zoë’s, \"quoted\"", null)));

    @Test
    void a_table_is_csv_with_a_byte_order_mark_for_excel_and_formulas_made_harmless() {
        byte[] bytes = PersonalDataZip.csv(QUESTIONS);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "Question,Asked (UTC)\r\n"
                        + "\"'=HYPERLINK(\"\"http://evil\"\")\",2026-03-02T10:00:00Z\r\n"
                        + "\"Zoë’s, \"\"quoted\"\"\",\r\n");
    }

    @Test
    void the_read_me_names_each_file_says_what_it_holds_and_counts_its_rows() {
        String readMe = PersonalDataZip.readMe(List.of(new PersonalDataZip.Section("questions", List.of(QUESTIONS))),
                Instant.parse("2026-03-02T10:00:00Z"));

        assertThat(readMe).contains("Made on 2026-03-02T10:00:00Z (UTC).",
                "questions-asked.csv: The questions you asked. (2 rows)");
    }

    @Test
    void a_row_with_a_cell_too_many_or_too_few_is_a_programming_error() {
        assertThatThrownBy(() -> PersonalDataTable.of("t", "T.", List.of("One"), List.of(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
