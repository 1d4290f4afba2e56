package org.convene.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A conference with what its timetable page offers to filter by: all its tracks, the hosts that run at
 * least one of its sessions, and the formats its sessions use. Description may be null.
 */
public record ConferenceDetail(ConferenceSummary summary, String description, List<TrackRef> tracks,
                               List<HostRef> hosts, List<SessionFormat> formats) {

    public ConferenceDetail {
        tracks = List.copyOf(tracks);
        hosts = List.copyOf(hosts);
        formats = List.copyOf(formats);
    }

    /** The conference's days in order: one timetable tab each. */
    public List<LocalDate> days() {
        return summary.firstDay().datesUntil(summary.lastDay().plusDays(1)).toList();
    }
}
