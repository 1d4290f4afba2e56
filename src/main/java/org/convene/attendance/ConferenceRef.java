package org.convene.attendance;

import java.time.LocalDate;
import java.time.ZoneId;

/** The conference a report is about; days and times in reports are shown in its zone. */
public record ConferenceRef(long id, String slug, String name, ZoneId timeZone, LocalDate firstDay, LocalDate lastDay) {
}
