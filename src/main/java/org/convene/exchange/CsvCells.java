package org.convene.exchange;

import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one cell's text as spreadsheets write it; null where it cannot be read. */
final class CsvCells {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::\\d{2})?");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private CsvCells() {
    }

    static @Nullable LocalDate date(String text) {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            // Excel in the UK turns 2026-07-08 into 08/07/2026 when it saves a file it opened
            Matcher uk = UK_DATE.matcher(text);
            if (uk.matches()) {
                return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                        Integer.parseInt(uk.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** 24-hour clock, with a colon or a full stop, seconds ignored (Excel adds them). */
    static @Nullable LocalTime time(String text) {
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        return null;
    }

    static String timeText(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    /** An empty cell is no. */
    static @Nullable Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "no", "n", "false", "0" -> false;
            case "yes", "y", "true", "1" -> true;
            default -> null;
        };
    }

    /** Lower-case, each once, separated by semicolons, commas or spaces. */
    static List<String> emails(String cell) {
        return Arrays.stream(cell.split("[;,\\s]+")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).distinct().toList();
    }

    static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }

    /** "a", "a or b", "a, b or c". */
    static String orList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }
}
