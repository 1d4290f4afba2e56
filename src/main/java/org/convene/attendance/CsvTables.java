package org.convene.attendance;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.jspecify.annotations.Nullable;

import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** CSV conventions shared by every attendance download: RFC 4180, CRLF, times in UTC (ISO 8601). */
final class CsvTables {

    private CsvTables() {
    }

    static CsvWriter writer(Writer out) {
        // FastCSV buffers internally; the caller's Writer is flushed by close().
        return CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
    }

    static void writeMyAttendance(List<MyAttendance> rows, Writer out) throws java.io.IOException {
        CsvWriter csv = writer(out);
        csv.writeRecord("Conference", "Session", "Session id", "Joined (UTC)", "Left (UTC)", "Minutes");
        for (MyAttendance row : rows) {
            csv.writeRecord(text(row.conferenceName()), text(row.sessionTitle()), Long.toString(row.sessionId()),
                    time(row.joinedAt()), time(row.leftAt()),
                    row.leftAt() == null ? "" : minutes(row.joinedAt(), row.leftAt()));
        }
        csv.flush();
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String minutes(Instant from, Instant to) {
        return tenths(Math.round(java.time.Duration.between(from, to).toMillis() / 6_000.0));
    }

    /** One decimal place, "." as the separator, written without String.format (the export calls it a million times). */
    static String decimal(@Nullable Double value) {
        return value == null ? "" : tenths(Math.round(value * 10));
    }

    private static String tenths(long tenths) {
        long whole = Math.abs(tenths) / 10;
        return (tenths < 0 ? "-" : "") + whole + "." + Math.abs(tenths) % 10;
    }

    /**
     * Text as typed by people (names, titles) could start a formula when a spreadsheet opens the file
     * (CSV injection): such cells get a leading apostrophe, as OWASP recommends.
     */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
