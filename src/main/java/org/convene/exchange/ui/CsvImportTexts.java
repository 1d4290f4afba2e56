package org.convene.exchange.ui;

import org.convene.core.time.DateTexts;
import org.convene.exchange.CsvImportPreview;
import org.convene.exchange.CsvImportRow;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** The import page's sentences about a preview and its rows. Pure, so they are tested without a page. */
final class CsvImportTexts {

    private CsvImportTexts() {
    }

    static String whatHappens(CsvImportRow row) {
        if (row.hasProblems()) {
            return "Not imported: " + (row.problems().size() == 1 ? "1 problem" : row.problems().size() + " problems");
        }
        return switch (row.action()) {
            case CREATE -> "Create";
            case UPDATE -> "Update " + String.join(", ", row.changedColumns());
            case UNCHANGED -> "Unchanged";
        };
    }

    static String when(CsvImportRow row, ZoneId zone) {
        if (row.draft().startsAt() == null || row.draft().endsAt() == null) {
            return "";
        }
        ZonedDateTime start = row.draft().startsAt().atZone(zone);
        ZonedDateTime end = row.draft().endsAt().atZone(zone);
        return DateTexts.day(start.toLocalDate()) + ", " + DateTexts.timeRange(start, end) + " "
                + DateTexts.zoneName(zone);
    }

    /** "12 sessions will be created, 3 updated, 2 unchanged; 1 row has a problem." */
    static String summary(CsvImportPreview preview) {
        long created = preview.count(CsvImportRow.Action.CREATE);
        long updated = preview.count(CsvImportRow.Action.UPDATE);
        long unchanged = preview.count(CsvImportRow.Action.UNCHANGED);
        long problems = preview.rowsWithProblems();
        String text;
        if (created + updated == 0) {
            text = unchanged == 0 ? "No sessions will be created or updated"
                    : sessions(unchanged) + (unchanged == 1 ? " is" : " are") + " already the same in Convene";
        } else {
            text = sessions(created) + " will be created, "
                    + count(updated) + " updated, " + count(unchanged) + " unchanged";
        }
        if (problems > 0) {
            text += "; " + count(problems) + (problems == 1 ? " row has a problem" : " rows have problems");
        }
        return text + ".";
    }

    static String sessions(long n) {
        return count(n) + (n == 1 ? " session" : " sessions");
    }

    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** The upload refuses files over the size limit, and more than one file, before sending them. */
    static String fileRejected(String reason) {
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("many")
                ? "choose one CSV file at a time."
                : "it is larger than 5 MB. Convene imports up to 5,000 sessions at a time: split the file and "
                + "import the parts one after another.";
    }

    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }
}
