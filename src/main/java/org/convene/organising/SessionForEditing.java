package org.convene.organising;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A session as its editor loads it: every field a person may change, the version the change will be checked
 * against, and who runs it. Reference, summary, track, host, join URL, capacity and access notes may be empty.
 *
 * @param cancelledAt when the session was cancelled, or null when it goes ahead
 * @param registration its closing time (and, with approval, whether the hosts approve each registration)
 */
public record SessionForEditing(long id, ConferenceSummary conference, int version, @Nullable String reference,
                                String title, String summaryMarkdown, SessionFormat format, Instant startsAt,
                                Instant endsAt, @Nullable Long trackId, @Nullable Long hostId, @Nullable String joinUrl,
                                @Nullable Integer capacity, Set<AccessFeature> access, @Nullable String accessNotes,
                                @Nullable Instant cancelledAt, SessionRegistration registration,
                                List<AssignedPerson> facilitators, List<AssignedPerson> speakers,
                                List<AssignedPerson> captioners) {

    public SessionForEditing {
        access = Set.copyOf(access);
        facilitators = List.copyOf(facilitators);
        speakers = List.copyOf(speakers);
        captioners = List.copyOf(captioners);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** The session as a draft, unchanged: what a form starts from. */
    public SessionDraft toDraft() {
        return new SessionDraft(conference.id(), reference, title, summaryMarkdown, format, startsAt, endsAt,
                trackId, hostId, joinUrl, capacity, access, accessNotes);
    }
}
