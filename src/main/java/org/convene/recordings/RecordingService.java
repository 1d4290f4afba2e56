package org.convene.recordings;

import org.convene.core.TextRule;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.WebAddresses;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Recordings of sessions that took place: publishing one with its captions, transcript and easy-read summary
 * (by organisers and the session's own host organisation), and the public library that lists them.
 */
@Service
@Transactional
public class RecordingService {

    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);

    /** The most one "Show more" may ask for: a crafted request must not read the whole library at once. */
    public static final int MAX_PAGE = 100;

    private final RecordingQueries recordings;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordingService(RecordingQueries recordings, ProgrammePermissions permissions, CurrentUser currentUser,
                     ApplicationEventPublisher events, Clock clock) {
        this.recordings = recordings;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The session's recording for its publishing form; only for those who may change the session. */
    @Transactional(readOnly = true)
    public RecordingEdit forEditing(long sessionId) {
        permissions.requireSession(sessionId);
        return recordings.edit(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    public RecordingResult publish(long sessionId, int expectedVersion, RecordingDraft draft) {
        ConveneUser user = permissions.requireSession(sessionId);
        RecordingEdit session = recordings.edit(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (session.cancelled()) {
            return new RecordingResult.Refused("This session was cancelled, so it has no recording. "
                    + "If it did take place, restore it first.");
        }
        if (!session.hasEnded(clock.instant())) {
            return new RecordingResult.Refused("You can publish the recording once the session has ended.");
        }
        List<RecordingResult.Problem> problems = check(draft);
        if (!problems.isEmpty()) {
            return new RecordingResult.Invalid(problems);
        }
        if (!recordings.publish(sessionId, expectedVersion, draft, clock.instant())) {
            return new RecordingResult.Conflict();
        }
        log.info("Recording published for session {} by user {}", sessionId, user.id());
        if (!session.published()) {
            events.publishEvent(new RecordingPublished(sessionId));
        }
        return new RecordingResult.Saved(expectedVersion + 1);
    }

    /** Takes the recording and its formats down, for a wrong link or a recording that must not be shared. */
    public RecordingResult unpublish(long sessionId, int expectedVersion) {
        ConveneUser user = permissions.requireSession(sessionId);
        recordings.edit(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (!recordings.unpublish(sessionId, expectedVersion)) {
            return new RecordingResult.Conflict();
        }
        log.info("Recording unpublished for session {} by user {}", sessionId, user.id());
        return new RecordingResult.Saved(expectedVersion + 1);
    }

    /** Every problem with the draft, in the order of the form. */
    public static List<RecordingResult.Problem> check(RecordingDraft draft) {
        List<RecordingResult.Problem> problems = new ArrayList<>();
        if (draft.url() == null) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.URL, "Enter the address of the recording"));
        } else if (!WebAddresses.isValid(draft.url())) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.URL,
                    "Enter the recording’s address as a web address starting with https://, "
                            + "like https://www.youtube.com/watch?v=abc123"));
        }
        if (draft.captionsUrl() != null && !WebAddresses.isValid(draft.captionsUrl())) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.CAPTIONS_URL,
                    "Enter the captions file’s address as a web address starting with https://, "
                            + "like https://example.org/captions.vtt"));
        }
        if (draft.transcriptUrl() != null && !WebAddresses.isValid(draft.transcriptUrl())) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.TRANSCRIPT_URL,
                    "Enter the transcript’s address as a web address starting with https://, "
                            + "like https://example.org/transcript"));
        }
        if (draft.bslUrl() != null && !WebAddresses.isValid(draft.bslUrl())) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.BSL_URL,
                    "Enter the BSL version’s address as a web address starting with https://, "
                            + "like https://www.youtube.com/watch?v=abc123"));
        }
        if (draft.easyReadSummary() != null && draft.easyReadSummary().length() > RecordingDraft.EASY_READ_MAX) {
            problems.add(new RecordingResult.Problem(RecordingDraft.Field.EASY_READ_SUMMARY,
                    "Easy read summary must be " + RecordingDraft.EASY_READ_MAX + " characters or fewer"));
        }
        TextRule.problem("The easy read summary", draft.easyReadSummary(), TextRule.Lines.MANY)
                .filter(message -> problems.stream().noneMatch(p -> p.field() == RecordingDraft.Field.EASY_READ_SUMMARY))
                .ifPresent(message -> problems.add(
                        new RecordingResult.Problem(RecordingDraft.Field.EASY_READ_SUMMARY, message)));
        return problems;
    }

    /** One page of the library, in programme order. Public; "on my agenda" needs someone signed in. */
    @Transactional(readOnly = true)
    public List<RecordingListItem> library(ConferenceSummary conference, RecordingFilter filter, int offset,
                                           int limit) {
        if (offset < 0 || limit < 1) {
            return List.of();
        }
        return recordings.page(conference, filter, myId(), offset, Math.min(limit, MAX_PAGE));
    }

    @Transactional(readOnly = true)
    public int count(ConferenceSummary conference, RecordingFilter filter) {
        return recordings.count(conference, filter, myId());
    }

    private @Nullable Long myId() {
        return currentUser.get().map(ConveneUser::id).orElse(null);
    }
}
