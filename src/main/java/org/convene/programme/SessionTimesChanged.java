package org.convene.programme;

import java.time.Instant;

/**
 * A session's start or end time changed, whoever changed it (the editor, either import). Published in the
 * transaction that changed it, so features that keep something cut to the session's times (imported attendance)
 * cut it again before the change commits. It lives here, not with the writers in {@code organising}, so that
 * features which may not use {@code organising} can listen.
 */
public record SessionTimesChanged(long sessionId, Instant wasStartsAt, Instant wasEndsAt, Instant startsAt,
                                  Instant endsAt) {
}
