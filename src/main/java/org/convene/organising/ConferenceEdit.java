package org.convene.organising;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A conference as the organiser's edit page shows it, with the version its form must send back. */
public record ConferenceEdit(long id, String slug, String name, String theme, String description, ZoneId timeZone,
                             LocalDate firstDay, LocalDate lastDay, int version, List<TrackRow> tracks) {
}
