package org.convene.attendance;

import java.time.LocalDate;

/** A host organisation's report at one conference, for a coordinator's list of their reports. */
public record HostReportLink(String conferenceSlug, String conferenceName, LocalDate firstDay, LocalDate lastDay,
                             long hostId, String hostName) {
}
