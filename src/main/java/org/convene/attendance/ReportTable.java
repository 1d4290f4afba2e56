package org.convene.attendance;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jspecify.annotations.Nullable;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A report's text and its lines as cells. Meeting tools write UTF-8 (Zoom, BigBlueButton) or UTF-16 with a byte
 * order mark and tabs (Teams), and put a summary above the table, so a table is found by its column names.
 */
final class ReportTable {

    /** A line of cells; {@code line} counts from 1 as a text editor does. */
    record Row(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(@Nullable Integer index) {
            return index == null || index >= cells.size() ? "" : cells.get(index);
        }
    }

    /** A header line, and where each column is by its name in lower case. */
    record Header(int index, Map<String, Integer> columns) {
        @Nullable Integer column(String... names) {
            for (String name : names) {
                Integer at = columns.get(name);
                if (at != null) {
                    return at;
                }
            }
            return null;
        }

        @Nullable Integer columnStartingWith(String prefix) {
            return columns.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(Map.Entry::getValue).min(Integer::compare).orElse(null);
        }
    }

    private ReportTable() {
    }

    /** The file as text, or empty when it is not text in an encoding tools use. */
    static Optional<String> text(byte[] file) {
        Charset charset;
        int skip = 0;
        if (startsWith(file, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(file, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(file, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (file.length >= 4 && file[1] == 0 && file[3] == 0 && file[0] != 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (file.length >= 4 && file[0] == 0 && file[2] == 0 && file[1] != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = StandardCharsets.UTF_8;
        }
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, skip, file.length - skip)).toString());
        } catch (CharacterCodingException e) {
            if (charset != StandardCharsets.UTF_8) {
                return Optional.empty();
            }
            // older spreadsheets save Windows' Western European encoding
            return Optional.of(new String(file, Charset.forName("windows-1252")));
        }
    }

    static boolean looksLikeExcel(byte[] file) {
        return startsWith(file, 0x50, 0x4B, 0x03, 0x04) || startsWith(file, 0xD0, 0xCF, 0x11, 0xE0);
    }

    /** Every line as cells, blank lines included (they end a table); tabs when the text has them, else commas. */
    static Optional<List<Row>> rows(String text) {
        char separator = text.indexOf('\t') >= 0 ? '\t' : text.indexOf(',') >= 0 || text.indexOf(';') < 0 ? ',' : ';';
        try {
            return Optional.of(CsvReader.builder().fieldSeparator(separator).skipEmptyLines(false)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text).stream()
                    .map(ReportTable::row).toList());
        } catch (CsvParseException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The first line whose column names satisfy the test. */
    static Optional<Header> header(List<Row> rows, Predicate<Header> wanted) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                columns.putIfAbsent(name(cells.get(c)), c);
            }
            Header header = new Header(i, columns);
            if (wanted.test(header)) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }

    /** The lines under a header, up to the first blank line or the next numbered section ("3. In-Meeting ..."). */
    static List<Row> body(List<Row> rows, Header header) {
        int end = header.index() + 1;
        while (end < rows.size() && !rows.get(end).blank() && !rows.get(end).cell(0).strip().matches("\\d+\\.\\s.*")) {
            end++;
        }
        return rows.subList(header.index() + 1, end);
    }

    static String name(String cell) {
        return cell.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Row row(CsvRecord record) {
        return new Row((int) record.getStartingLineNumber(), record.getFields());
    }

    private static boolean startsWith(byte[] file, int... prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((file[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
