package org.convene.exchange;

import org.jspecify.annotations.Nullable;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an uploaded CSV file as spreadsheets write it (UTF-8 or UTF-16, commas, semicolons or tabs) into its
 * session rows and the template columns its first line names. Pure: what is wrong with the file as a whole comes
 * back as sentences for the person who uploaded it, never as an exception.
 *
 * @param rows         the lines under the header, without blank ones; empty when the file has problems
 * @param columns      where each template column is, by field index
 * @param fileProblems what stops the file from being imported at all
 * @param warnings     what is ignored, like columns Convene does not know
 */
record CsvImportFile(List<CsvRecord> rows, Map<CsvColumn, Integer> columns, List<String> fileProblems,
                     List<String> warnings) {

    /** Larger files are refused before they are read: the template holds a week's programme in a few kB. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    CsvImportFile {
        rows = List.copyOf(rows);
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
        fileProblems = List.copyOf(fileProblems);
        warnings = List.copyOf(warnings);
    }

    static CsvImportFile read(byte[] file) {
        List<String> problems = new ArrayList<>();
        String text = decode(file, problems);
        if (text == null) {
            return unreadable(problems);
        }
        List<CsvRecord> records;
        try {
            records = CsvReader.builder().fieldSeparator(separator(text)).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text).stream()
                    .filter(r -> !r.getFields().stream().allMatch(String::isBlank))
                    .toList();
        } catch (CsvParseException | UncheckedIOException e) {
            problems.add("The file could not be read as CSV (comma or semicolon separated values). Save your "
                    + "spreadsheet as 'CSV UTF-8' and upload it again.");
            return unreadable(problems);
        }
        if (records.isEmpty()) {
            problems.add("The file is empty. Download the template, put one session on each row and upload "
                    + "it again.");
            return unreadable(problems);
        }
        List<String> warnings = new ArrayList<>();
        Map<CsvColumn, Integer> columns = columns(records.getFirst(), problems, warnings);
        int total = records.size() - 1;
        if (problems.isEmpty() && total == 0) {
            problems.add("The file has the column names but no sessions. Put one session on each row under "
                    + "the column names.");
        }
        if (total > MAX_ROWS) {
            problems.add("The file has " + String.format(Locale.UK, "%,d", total) + " sessions. Convene imports "
                    + "up to " + String.format(Locale.UK, "%,d", MAX_ROWS) + " at a time: split the file and "
                    + "import the parts one after another.");
        }
        if (!problems.isEmpty()) {
            return new CsvImportFile(List.of(), columns, problems, warnings);
        }
        return new CsvImportFile(records.subList(1, records.size()), columns, problems, warnings);
    }

    boolean hasProblems() {
        return !fileProblems.isEmpty();
    }

    boolean has(CsvColumn column) {
        return columns.containsKey(column);
    }

    /** The row's value in the column, stripped; empty when the file has no such column or the row is short. */
    String cell(CsvRecord record, CsvColumn column) {
        Integer index = columns.get(column);
        // one kind of line break, so that a file saved again by another spreadsheet still reads as unchanged
        return index == null || index >= record.getFieldCount() ? ""
                : record.getField(index).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static CsvImportFile unreadable(List<String> problems) {
        return new CsvImportFile(List.of(), Map.of(), problems, List.of());
    }

    /** UTF-8 with or without a byte order mark, or UTF-16 with one (Excel's "Unicode text"); null if neither. */
    private static @Nullable String decode(byte[] file, List<String> problems) {
        if (file == null || file.length == 0) {
            problems.add("The file is empty. Download the template, put one session on each row and upload it again.");
            return null;
        }
        if (file.length > MAX_BYTES) {
            problems.add("The file is larger than 5 MB. Convene imports up to 5,000 sessions at a time: split the "
                    + "file and import the parts one after another.");
            return null;
        }
        if (startsWith(file, 0x50, 0x4B, 0x03, 0x04) || startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)) {
            problems.add("This is an Excel workbook, not a CSV file. In Excel, choose File, then Save a copy, and "
                    + "pick 'CSV UTF-8 (Comma delimited)'. Upload that file.");
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(file, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(file, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(file, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, skip, file.length - skip)).toString();
        } catch (CharacterCodingException e) {
            problems.add("The file is not saved as UTF-8, so some letters would come out wrong. In Excel, choose "
                    + "'CSV UTF-8 (Comma delimited)' when you save it, and upload it again.");
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            problems.add("This is not a CSV file. Save your spreadsheet as 'CSV UTF-8' and upload that file.");
            return null;
        }
        if (text.isBlank()) {
            problems.add("The file is empty. Download the template, put one session on each row and upload it again.");
            return null;
        }
        return text;
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

    /**
     * Excel writes commas, or semicolons where the comma is the decimal sign (much of Europe), and tabs for
     * "Unicode text": whichever the header line holds most of, outside quotes.
     */
    static char separator(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static Map<CsvColumn, Integer> columns(CsvRecord header, List<String> problems, List<String> warnings) {
        Map<CsvColumn, Integer> columns = new EnumMap<>(CsvColumn.class);
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Optional<CsvColumn> column = CsvColumn.named(name);
            if (column.isEmpty()) {
                warnings.add("Convene does not know the column '" + name + "', so it will be ignored.");
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                problems.add("The column '" + column.get().header() + "' is in the file twice. Keep one and upload "
                        + "the file again.");
            }
        }
        List<String> missing = Arrays.stream(CsvColumn.values()).filter(c -> c.required() && !columns.containsKey(c))
                .map(c -> "'" + c.header() + "'").toList();
        if (missing.size() == Arrays.stream(CsvColumn.values()).filter(CsvColumn::required).count()) {
            problems.add("The first line of the file must name the columns, as in the template: reference, title, "
                    + "format, date, start, end and the others you use.");
        } else if (!missing.isEmpty()) {
            problems.add("The file has no " + String.join(", ", missing) + (missing.size() == 1 ? " column" : " columns")
                    + ". Every import needs " + (missing.size() == 1 ? "it" : "them") + ": add "
                    + (missing.size() == 1 ? "it" : "them") + " as in the template and upload the file again.");
        }
        return columns;
    }
}
