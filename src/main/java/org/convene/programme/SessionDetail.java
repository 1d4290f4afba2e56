package org.convene.programme;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the session page shows. summaryHtml is already sanitised (see {@link MarkdownRenderer}).
 * Track, host, access notes, join and recording URLs, the recording's formats and capacity may be null;
 * cancelledAt is null for a session that goes ahead.
 */
public record SessionDetail(long id, String title, SessionFormat format, Instant startsAt, Instant endsAt,
                            @Nullable TrackRef track, @Nullable SessionHost host, String summaryHtml,
                            Set<AccessFeature> access, @Nullable String accessNotes, @Nullable String joinUrl,
                            @Nullable String recordingUrl, @Nullable Integer capacity,
                            List<SessionPerson> people, ConferenceSummary conference,
                            @Nullable String captionsUrl, @Nullable String transcriptUrl,
                            @Nullable String easyReadSummary, @Nullable Instant cancelledAt,
                            @Nullable String cancellationReason) {

    /** Long enough to test sound and captions, short enough that nobody sits alone in an empty call. */
    public static final Duration JOIN_OPENS_BEFORE = Duration.ofMinutes(10);

    public SessionDetail {
        access = Set.copyOf(access);
        people = List.copyOf(people);
    }

    public Instant joinOpensAt() {
        return startsAt.minus(JOIN_OPENS_BEFORE);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt);
    }

    public JoinState joinState(Instant now) {
        if (cancelled()) {
            return JoinState.CANCELLED;
        }
        if (!now.isBefore(endsAt)) {
            return JoinState.ENDED;
        }
        if (joinUrl == null) {
            return JoinState.NO_LINK;
        }
        return now.isBefore(joinOpensAt()) ? JoinState.NOT_YET_OPEN : JoinState.OPEN;
    }

    public boolean isOnAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    /** The conference day the session belongs to: its start date in the conference's time zone. */
    public LocalDate conferenceDay() {
        return startsAt.atZone(conference.timeZone()).toLocalDate();
    }

    public List<SessionPerson> people(PersonRole role) {
        return people.stream().filter(p -> p.role() == role).toList();
    }
}
