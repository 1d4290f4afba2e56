package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day as people type it: "10:05", "10.05", "10:05am", "2pm", "14:30", "midday". */
final class PhoneTimes {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap]\\.?m\\.?)?");

    private PhoneTimes() {
    }

    static @Nullable LocalTime parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("midday") || t.equals("noon")) {
            return LocalTime.NOON;
        }
        Matcher m = TIME.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (m.group(3).startsWith("p") ? 12 : 0);
        } else if (m.group(2) == null) {
            return null;
        }
        return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
    }
}
