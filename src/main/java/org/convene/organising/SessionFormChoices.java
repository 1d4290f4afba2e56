package org.convene.organising;

import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.TrackRef;

import java.util.List;

/**
 * What a session form offers to choose from in one conference: its tracks, and the host organisations this
 * person may give a session to (all of them for an organiser, only their own for a coordinator).
 *
 * @param hostRequired true for coordinators: a session without a host would be out of their reach once saved
 */
public record SessionFormChoices(ConferenceSummary conference, List<TrackRef> tracks, List<HostRef> hosts,
                                 boolean hostRequired) {

    public SessionFormChoices {
        tracks = List.copyOf(tracks);
        hosts = List.copyOf(hosts);
    }
}
