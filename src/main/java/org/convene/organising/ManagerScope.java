package org.convene.organising;

import org.convene.programme.HostRef;

import java.util.List;

/**
 * Which sessions a person may manage: all of them (an organiser) or those of the host organisations they
 * coordinate, named so that the page can say so.
 */
public record ManagerScope(boolean allSessions, List<HostRef> coordinatedHosts) {

    public ManagerScope {
        coordinatedHosts = List.copyOf(coordinatedHosts);
    }

    /** A coordinator whose organisations have all been taken away may still open the pages, but change nothing. */
    public boolean mayManageAnything() {
        return allSessions || !coordinatedHosts.isEmpty();
    }
}
