package org.convene.programme;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Writes sessions from drafts, for the features that manage them (the editor and the CSV import). It checks no
 * permissions: its callers do, inside the transaction they must already hold, so a check and its write commit
 * together. Updates carry the version the caller read, so of two people editing one session the second is told.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SessionWrites {

    private final SessionWriter writer;

    SessionWrites(SessionWriter writer) {
        this.writer = writer;
    }

    public long insert(SessionDraft draft) {
        return writer.insert(draft);
    }

    /** False when someone else changed the session since {@code expectedVersion} was read (or it was deleted). */
    public boolean update(long sessionId, int expectedVersion, SessionDraft draft) {
        return writer.update(sessionId, expectedVersion, draft);
    }

    public Optional<Integer> version(long sessionId) {
        return writer.version(sessionId);
    }

    public boolean trackBelongsTo(long trackId, long conferenceId) {
        return writer.trackBelongsTo(trackId, conferenceId);
    }

    /** Titles of other sessions in the same track whose time overlaps the draft's, for a warning. */
    public List<String> overlappingInTrack(SessionDraft draft, @Nullable Long excludeSessionId) {
        return writer.overlappingInTrack(draft, excludeSessionId);
    }
}
