package org.convene.attendance;

import java.util.List;

/**
 * Everything on a session's report page except the attendee list, which is paged.
 *
 * @param bucketMinutes  the length of each bucket of {@code series}
 * @param noShowsCounted the session had places or needed approval, so its agendas were registrations and the
 *                       no-shows are counted; for any other session they are not (adding it promised nothing)
 */
public record SessionReport(ConferenceRef conference, SessionFigures figures, int bucketMinutes,
                            List<ConcurrencyPoint> series, boolean noShowsCounted) {
}
