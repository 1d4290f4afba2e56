package org.convene.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A conference as lists and headings show it. */
public record ConferenceSummary(long id, String slug, String name, String theme, ZoneId timeZone,
                                LocalDate firstDay, LocalDate lastDay) {

    /** Today in the conference's own time zone, which is what "is it on now?" means to its organisers. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    public boolean isRunning(Clock clock) {
        LocalDate today = today(clock);
        return !today.isBefore(firstDay) && !today.isAfter(lastDay);
    }

    public boolean isOver(Clock clock) {
        return today(clock).isAfter(lastDay);
    }
}
