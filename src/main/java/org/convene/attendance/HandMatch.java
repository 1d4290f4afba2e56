package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A participant of an import a host matched to an account by hand: all their stays in that file. {@code rowId}
 * names them when undoing the match.
 */
public record HandMatch(long rowId, MeetingTool tool, String name, @Nullable String email, String account,
                        Instant firstJoin, Instant lastLeave, int stays) {
}
