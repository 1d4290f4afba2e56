package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stay as the file wrote it (texts, not yet times). {@link #finish} turns a whole file's stays into
 * participants or into every problem found, each naming its line: nothing is half read.
 *
 * @param where how messages name the place in the file ("Line 7", "Person 3")
 */
record RawStay(int line, String where, String name, String email, String joined, String left) {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\w+ (\\d+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The zone the file's local times are in, and the session's day there (to settle the order of day and month). */
    record Context(ZoneId zone, LocalDate sessionDay) {
    }

    static ReportReading finish(List<RawStay> stays, Context context, List<String> notes) {
        List<String> problems = new ArrayList<>();
        if (stays.isEmpty()) {
            return ReportReading.Unreadable.of("The file has the column names but nobody under them. Check that "
                    + "it is the report of the right meeting.");
        }
        if (stays.size() > ImportLimits.MAX_ROWS) {
            return ReportReading.Unreadable.of("The file has " + String.format(Locale.UK, "%,d", stays.size())
                    + " joins and leaves. Convene reads up to " + String.format(Locale.UK, "%,d", ImportLimits.MAX_ROWS)
                    + " from one file.");
        }
        List<ReportTimes.Parsed> parsed = new ArrayList<>();
        List<ReportTimes.@Nullable Parsed> joins = new ArrayList<>();
        List<ReportTimes.@Nullable Parsed> leaves = new ArrayList<>();
        for (RawStay stay : stays) {
            ReportTimes.Parsed join = ReportTimes.parse(stay.joined());
            ReportTimes.Parsed leave = ReportTimes.parse(stay.left());
            if (stay.name().isBlank()) {
                problems.add(stay.where() + ": there is no name.");
            } else if (stay.name().strip().length() > ImportLimits.MAX_NAME) {
                problems.add(stay.where() + ": the name is longer than " + ImportLimits.MAX_NAME + " characters.");
            }
            if (join == null) {
                problems.add(stay.where() + ": " + notATime("join", stay.joined()));
            }
            if (leave == null) {
                problems.add(stay.where() + ": " + notATime("leave", stay.left()));
            }
            joins.add(join);
            leaves.add(leave);
            if (join != null) {
                parsed.add(join);
            }
            if (leave != null) {
                parsed.add(leave);
            }
        }
        ReportTimes.DateOrder order = ReportTimes.order(parsed, context.sessionDay());
        List<ReportedParticipant> participants = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            RawStay stay = stays.get(i);
            ReportTimes.Parsed join = joins.get(i);
            ReportTimes.Parsed leave = leaves.get(i);
            if (join == null || leave == null) {
                continue;
            }
            Instant joinedAt = instant(join, order, context.zone());
            Instant leftAt = instant(leave, order, context.zone());
            if (joinedAt == null) {
                problems.add(stay.where() + ": the join time '" + stay.joined().strip() + "' is not a date that exists.");
            }
            if (leftAt == null) {
                problems.add(stay.where() + ": the leave time '" + stay.left().strip() + "' is not a date that exists.");
            }
            if (joinedAt == null || leftAt == null) {
                continue;
            }
            if (leftAt.isBefore(joinedAt)) {
                problems.add(stay.where() + ": the leave time '" + stay.left().strip() + "' is before the join time '"
                        + stay.joined().strip() + "'.");
                continue;
            }
            if (problems.isEmpty()) {
                participants.add(new ReportedParticipant(stay.line(), stay.name().strip(), email(stay.email()),
                        joinedAt, leftAt));
            }
        }
        if (!problems.isEmpty()) {
            return new ReportReading.Unreadable(shortened(byLine(problems)));
        }
        List<String> allNotes = new ArrayList<>(notes);
        if (ReportTimes.ambiguous(parsed)) {
            allNotes.add(order == ReportTimes.DateOrder.DAY_FIRST
                    ? "Dates were read day first (12/06 is 12 June), which puts them on the session's day."
                    : "Dates were read month first, as in the United States (12/06 is 6 December), which puts them "
                    + "on the session's day.");
        }
        return new ReportReading.Read(participants, allNotes);
    }

    private static String notATime(String which, String text) {
        return text.isBlank() ? "there is no " + which + " time."
                : "the " + which + " time '" + text.strip() + "' is not a time.";
    }

    private static @Nullable Instant instant(ReportTimes.Parsed p, ReportTimes.DateOrder order, ZoneId zone) {
        if (p.exact() != null) {
            return p.exact();
        }
        LocalDateTime local = ReportTimes.local(p, order);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** Lower case, or null when the cell is empty or not an email address (guests often have none). */
    static @Nullable String email(String cell) {
        String email = cell.strip().toLowerCase(Locale.ROOT);
        return email.length() <= 254 && EMAIL.matcher(email).matches() ? email : null;
    }

    /** In the order of the file, whichever check found them ("Line 12: ..." after "Line 9: ..."). */
    private static List<String> byLine(List<String> problems) {
        return problems.stream().sorted(Comparator.comparingInt(RawStay::lineOf)).toList();
    }

    private static int lineOf(String problem) {
        Matcher m = LEADING_NUMBER.matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<String> shortened(List<String> problems) {
        if (problems.size() <= ImportLimits.MAX_PROBLEMS_SHOWN) {
            return problems;
        }
        List<String> shown = new ArrayList<>(problems.subList(0, ImportLimits.MAX_PROBLEMS_SHOWN));
        shown.add("And " + (problems.size() - ImportLimits.MAX_PROBLEMS_SHOWN) + " more problems like these.");
        return shown;
    }

    static String orEmpty(@Nullable String text) {
        return Objects.requireNonNullElse(text, "");
    }
}
