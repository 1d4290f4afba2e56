package org.convene.organising;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A conference as the organiser's edit page shows it, with the version its form must send back.
 *
 * @param joinNeedsAccount whether following a session's Join link needs a signed-in account
 */
public record ConferenceEdit(long id, String slug, String name, String theme, String description, ZoneId timeZone,
                             LocalDate firstDay, LocalDate lastDay, int version, List<TrackRow> tracks,
                             boolean joinNeedsAccount) {
}
