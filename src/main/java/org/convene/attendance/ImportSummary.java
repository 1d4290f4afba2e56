package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An import made for a session.
 *
 * @param uploadedBy     null when that account has been deleted
 * @param stays          joins and leaves read from the file and still kept (a deleted account's go with it)
 * @param people         different participants in it (by name and email)
 * @param unmatchedPeople of them, those not matched to an account (counted nowhere by person)
 */
public record ImportSummary(long id, MeetingTool tool, String fileName, Instant uploadedAt,
                            @Nullable String uploadedBy, int stays, int people, int unmatchedPeople) {
}
