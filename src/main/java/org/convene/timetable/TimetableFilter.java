package org.convene.timetable;

import org.convene.programme.AccessFeature;
import org.convene.programme.SessionFormat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which sessions of a conference to show: one day of the conference (a date in the conference's own
 * time zone) and optional narrowing. Sets are "any of" (a session in track 1 or track 3); access features
 * are "all of", because someone who needs captions and BSL needs both. Free text must match every word.
 */
public record TimetableFilter(LocalDate day, Set<Long> trackIds, Set<SessionFormat> formats, Set<Long> hostIds,
                              Set<AccessFeature> accessRequired, String text) {

    public TimetableFilter {
        trackIds = trackIds == null ? Set.of() : Set.copyOf(trackIds);
        formats = formats == null || formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        hostIds = hostIds == null ? Set.of() : Set.copyOf(hostIds);
        accessRequired = accessRequired == null || accessRequired.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(accessRequired));
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH).strip();
        }
    }

    /** Longer searches come from pasted text or crafted URLs, not from people looking for a session. */
    public static final int MAX_TEXT_LENGTH = 200;
    private static final int MAX_WORDS = 10;

    /** Everything on one day. */
    public static TimetableFilter day(LocalDate day) {
        return new TimetableFilter(day, Set.of(), Set.of(), Set.of(), Set.of(), "");
    }

    public TimetableFilter withDay(LocalDate otherDay) {
        return new TimetableFilter(otherDay, trackIds, formats, hostIds, accessRequired, text);
    }

    /** True when anything beyond the day narrows the list. */
    public boolean isNarrowed() {
        return !trackIds.isEmpty() || !formats.isEmpty() || !hostIds.isEmpty() || !accessRequired.isEmpty()
                || !text.isEmpty();
    }

    /** The search words, each of which must appear somewhere in a matching session. */
    public List<String> words() {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\s+")).limit(MAX_WORDS).toList();
    }
}
