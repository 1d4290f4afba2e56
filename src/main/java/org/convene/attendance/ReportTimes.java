package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as meeting tools write them: "12/06/2026 10:01:32 AM" (Zoom), "3/10/26, 9:58:12 AM" (Teams, in the
 * language of the person who downloaded it), "2026-06-12 10:01:32", or with an offset ("2026-06-12T09:01:32Z").
 * Whether 12/06 is the 12th of June or the 6th of December depends on the tool's language, so the whole file
 * decides: a first number above 12 means day first, a second above 12 month first, and when every date could be
 * either, the order that puts the times on the session's day wins.
 */
final class ReportTimes {

    enum DateOrder { MONTH_FIRST, DAY_FIRST }

    /** A time read from a cell, not yet placed in a zone (unless it carried an offset). */
    record Parsed(@Nullable Instant exact, boolean yearFirst, int first, int second, int year, int hour, int minute,
                  int secondOfMinute) {
    }

    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2}),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AP]M)?");
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?");

    private ReportTimes() {
    }

    /** Null when the text is not a time of any form above. */
    static @Nullable Parsed parse(String cell) {
        String text = cell.replace('\u202F', ' ').replace('\u00A0', ' ').trim().toUpperCase(Locale.ROOT)
                .replace("A.M.", "AM").replace("P.M.", "PM");
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
            try {
                return new Parsed(OffsetDateTime.parse(text.replace(' ', 'T')).toInstant(), true, 0, 0, 0, 0, 0, 0);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher iso = YEAR_FIRST.matcher(text);
        if (iso.matches()) {
            return new Parsed(null, true, Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)),
                    Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
        }
        Matcher m = SLASHED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(4));
        String half = m.group(7);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + ("PM".equals(half) ? 12 : 0);
        }
        int year = Integer.parseInt(m.group(3));
        return new Parsed(null, false, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                year < 100 ? 2000 + year : year, hour, Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    }

    /** The order of day and month that reads every date of the file, nearest the session's day when both do. */
    static DateOrder order(List<Parsed> times, LocalDate sessionDay) {
        boolean dayFirstPossible = true;
        boolean monthFirstPossible = true;
        Parsed sample = null;
        for (Parsed p : times) {
            if (p.exact() != null || p.yearFirst()) {
                continue;
            }
            sample = sample == null ? p : sample;
            dayFirstPossible &= p.second() <= 12;
            monthFirstPossible &= p.first() <= 12;
        }
        if (sample == null || dayFirstPossible != monthFirstPossible) {
            return dayFirstPossible && !monthFirstPossible ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
        }
        long monthFirstDistance = distance(sample, DateOrder.MONTH_FIRST, sessionDay);
        long dayFirstDistance = distance(sample, DateOrder.DAY_FIRST, sessionDay);
        return dayFirstDistance < monthFirstDistance ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
    }

    /** Whether the file's dates say which order they are in, or the session's day had to decide. */
    static boolean ambiguous(List<Parsed> times) {
        return times.stream().filter(p -> p.exact() == null && !p.yearFirst()).allMatch(p -> p.first() <= 12
                && p.second() <= 12) && times.stream().anyMatch(p -> p.exact() == null && !p.yearFirst()
                && p.first() != p.second());
    }

    /** Null when the date or time does not exist (31 February, 25 o'clock). */
    static @Nullable LocalDateTime local(Parsed p, DateOrder order) {
        int month = p.yearFirst() || order == DateOrder.MONTH_FIRST ? p.first() : p.second();
        int day = p.yearFirst() || order == DateOrder.MONTH_FIRST ? p.second() : p.first();
        try {
            return LocalDateTime.of(p.year(), month, day, p.hour(), p.minute(), p.secondOfMinute());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static long distance(Parsed p, DateOrder order, LocalDate sessionDay) {
        LocalDateTime at = local(p, order);
        return at == null ? Long.MAX_VALUE : Math.abs(at.toLocalDate().toEpochDay() - sessionDay.toEpochDay());
    }
}
