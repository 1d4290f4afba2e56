package org.convene.attendance;

import java.util.List;

/**
 * Everything on a session's report page except the attendee list, which is paged.
 *
 * @param bucketMinutes the length of each bucket of {@code series}
 */
public record SessionReport(ConferenceRef conference, SessionFigures figures, int bucketMinutes,
                            List<ConcurrencyPoint> series) {

    /** See {@link SessionFigures#noShowsCounted()}. */
    public boolean noShowsCounted() {
        return figures.noShowsCounted();
    }
}
