package org.convene.account;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.convene.core.personal.PersonalDataTable;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A person's download: a zip with one CSV file per table and a read-me in plain words. CSV because a spreadsheet
 * opens it with a double click; UTF-8 with a byte order mark, because without one Excel reads accented names
 * wrongly; cells that could start a formula get a leading apostrophe (CSV injection).
 */
final class PersonalDataZip {

    static final String README = "read-me.txt";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One feature's tables. */
    record Section(String name, List<PersonalDataTable> tables) {
    }

    private PersonalDataZip() {
    }

    static String fileName(String section, PersonalDataTable table) {
        return section + "-" + table.name() + ".csv";
    }

    static byte[] write(List<Section> sections, Instant madeAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(README));
            zip.write(readMe(sections, madeAt).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Section section : sections) {
                for (PersonalDataTable table : section.tables()) {
                    zip.putNextEntry(new ZipEntry(fileName(section.name(), table)));
                    zip.write(csv(table));
                    zip.closeEntry();
                }
            }
        } catch (IOException impossibleInMemory) {
            throw new UncheckedIOException(impossibleInMemory);
        }
        return bytes.toByteArray();
    }

    static String readMe(List<Section> sections, Instant madeAt) {
        StringBuilder text = new StringBuilder()
                .append("Everything Convene holds about you\r\n\r\n")
                .append("Made on ").append(madeAt).append(" (UTC).\r\n")
                .append("Each file below is a table. Open it with a spreadsheet, such as Excel or LibreOffice.\r\n")
                .append("Times are in UTC (London winter time).\r\n")
                .append("A file with only headings means we hold nothing of that kind about you.\r\n\r\n");
        for (Section section : sections) {
            for (PersonalDataTable table : section.tables()) {
                text.append(fileName(section.name(), table)).append(": ").append(table.about())
                        .append(" (").append(table.rows().size()).append(table.rows().size() == 1 ? " row" : " rows")
                        .append(")\r\n");
            }
        }
        return text.toString();
    }

    static byte[] csv(PersonalDataTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
            csv.writeRecord(table.columns());
            for (List<String> row : table.rows()) {
                csv.writeRecord(row.stream().map(PersonalDataZip::safe).toList());
            }
            csv.flush();
        } catch (IOException impossibleInMemory) {
            throw new UncheckedIOException(impossibleInMemory);
        }
        return bytes.toByteArray();
    }

    /** Text typed by people could start a formula when a spreadsheet opens the file: such cells get an apostrophe. */
    static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
