package org.convene.exchange;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImportFileTest {

    static final String HEADER = "reference,title,format,date,start,end";

    static CsvImportFile read(String text) {
        return CsvImportFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headers_match_ignoring_case_spaces_punctuation_and_common_other_names() {
        CsvImportFile file = read("Reference;TITLE;Type;Day;Start_Time;Ends;Host Organisation\r\n"
                + "CPW-1;A talk;Webinar;2026-07-08;10:00;11:00;Carers Together\r\n");

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.columns()).containsKeys(CsvColumn.REFERENCE, CsvColumn.TITLE, CsvColumn.FORMAT,
                CsvColumn.DATE, CsvColumn.START, CsvColumn.END, CsvColumn.HOST);
        assertThat(file.rows()).singleElement()
                .satisfies(row -> assertThat(file.cell(row, CsvColumn.HOST)).isEqualTo("Carers Together"));
    }

    @Test
    void the_separator_is_whichever_the_header_line_holds_most_of_outside_quotes() {
        assertThat(CsvImportFile.separator("a,b,c\n1;2;3;4;5")).isEqualTo(',');
        assertThat(CsvImportFile.separator("a;b;\"c,d,e\"")).isEqualTo(';');
        assertThat(CsvImportFile.separator("a\tb\tc,d")).isEqualTo('\t');
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read_like_utf8() {
        byte[] text = ("\uFEFF" + HEADER + "\nCPW-1,Café,Webinar,2026-07-08,10:00,11:00\n")
                .getBytes(StandardCharsets.UTF_16LE);

        CsvImportFile file = CsvImportFile.read(text);

        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.cell(file.rows().getFirst(), CsvColumn.TITLE)).isEqualTo("Café");
    }

    @Test
    void an_excel_workbook_or_text_in_another_encoding_is_a_file_problem() {
        assertThat(CsvImportFile.read(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2}).fileProblems()).singleElement()
                .asString().startsWith("This is an Excel workbook");
        assertThat(CsvImportFile.read(("title\nCaf" + (char) 0xE9).getBytes(StandardCharsets.ISO_8859_1))
                .fileProblems()).singleElement().asString().startsWith("The file is not saved as UTF-8");
    }

    @Test
    void missing_and_doubled_columns_are_file_problems_and_unknown_ones_warnings() {
        CsvImportFile file = read("reference,title,title,date,start,end,colour\nCPW-1,A,B,2026-07-08,10:00,11:00,red");

        assertThat(file.fileProblems()).containsExactly(
                "The column 'title' is in the file twice. Keep one and upload the file again.",
                "The file has no 'format' column. Every import needs it: add it as in the template and upload the "
                        + "file again.");
        assertThat(file.warnings()).containsExactly("Convene does not know the column 'colour', so it will be ignored.");
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void blank_lines_are_skipped_and_cells_are_stripped_with_one_kind_of_line_break() {
        CsvImportFile file = read(HEADER + "\r\n,,,,,\r\n  CPW-1 ,\"Two\r\nlines\",Webinar,2026-07-08,10:00,11:00\r\n");

        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(file.cell(row, CsvColumn.REFERENCE)).isEqualTo("CPW-1");
            assertThat(file.cell(row, CsvColumn.TITLE)).isEqualTo("Two\nlines");
            assertThat(file.cell(row, CsvColumn.TRACK)).isEmpty();
        });
    }

    @Test
    void a_header_without_rows_is_a_file_problem() {
        assertThat(read(HEADER + "\n").fileProblems()).singleElement().asString()
                .startsWith("The file has the column names but no sessions");
    }
}
