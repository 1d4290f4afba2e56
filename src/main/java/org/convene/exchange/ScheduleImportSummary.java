package org.convene.exchange;

import java.util.List;

/**
 * What an import did. An event that cannot be understood fails the whole import (nothing is written), so
 * nothing here is a rejected event: {@code skipped} lists smaller things left out while the rest kept its
 * meaning, such as a link that is neither a joining link nor a recording.
 */
public record ScheduleImportSummary(String conferenceSlug, boolean conferenceCreated,
                                    int sessionsCreated, int sessionsUpdated, int sessionsUnchanged,
                                    int tracksCreated, int tracksUpdated,
                                    int peopleCreated, int peopleUpdated,
                                    List<String> skipped) {

    public ScheduleImportSummary {
        skipped = List.copyOf(skipped);
    }
}
