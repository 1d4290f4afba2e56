package org.convene.captions;

import org.convene.core.PublicBaseUrl;
import org.convene.core.SaveResult;
import org.convene.core.live.LiveNotices;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.WebAddresses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After the session: its final caption lines as a transcript and a WebVTT file, which the session's hosts
 * ({@link ProgrammePermissions}) correct line by line and then publish; publishing offers both addresses to the
 * recording. Also the session's CART address. Everything here but the published files is for hosts only.
 */
@Service
@Transactional
public class TranscriptService {

    private static final Logger log = LoggerFactory.getLogger(TranscriptService.class);
    public static final String CART_FIELD = "cartUrl";
    /** The most lines one page of the host's list may ask for. */
    public static final int MAX_PAGE = 100;

    private final CaptionRepository repository;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final LiveNotices notices;
    private final PublicBaseUrl base;
    private final Clock clock;

    TranscriptService(CaptionRepository repository, ProgrammePermissions permissions, CurrentUser currentUser,
                      LiveNotices notices, PublicBaseUrl base, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.notices = notices;
        this.base = base;
        this.clock = clock;
    }

    /** The published WebVTT file's address. */
    public String captionsFileUrl(long sessionId) {
        return base.link("/sessions/" + sessionId + "/captions.vtt");
    }

    public String transcriptUrl(long sessionId) {
        return base.link("/sessions/" + sessionId + "/transcript.txt");
    }

    @Transactional(readOnly = true)
    public TranscriptState state(long sessionId) {
        permissions.requireSession(sessionId);
        CaptionRepository.SessionTimes times = session(sessionId);
        CaptionRepository.Settings settings = repository.settings(sessionId);
        return new TranscriptState(sessionId, times.startsAt(), times.endsAt(), !clock.instant().isBefore(times.endsAt()),
                settings.cartUrl(), repository.finalLineCount(sessionId), settings.publishedAt(), settings.version(),
                captionsFileUrl(sessionId), transcriptUrl(sessionId));
    }

    /** Final lines in order, a page at a time, for the host's list. */
    @Transactional(readOnly = true)
    public List<CaptionLine> finalLines(long sessionId, int offset, int limit) {
        permissions.requireSession(sessionId);
        return repository.finalLines(sessionId, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    /**
     * Corrects a final line's text for the transcript (what was sent is kept). {@link SaveResult.Conflict} when the
     * line changed since the host read it.
     */
    public SaveResult<Long> correct(long sessionId, long line, int expectedRevisions, @Nullable String text) {
        ConveneUser user = permissions.requireSession(sessionId);
        session(sessionId);
        SaveResult.Invalid<Long> invalid = CaptionService.checkText(text);
        if (invalid != null) {
            return invalid;
        }
        String clean = text == null ? "" : text.strip();
        CaptionRepository.Counters counters = repository.lockCounters(sessionId);
        long change = counters.lastChange() + 1;
        if (!repository.correct(sessionId, line, expectedRevisions, change, clean)) {
            return new SaveResult.Conflict<>();
        }
        repository.saveCounters(sessionId, new CaptionRepository.Counters(counters.lastLine(), change));
        notices.publish(CaptionService.CHANNEL, sessionId + ":" + change);
        log.info("Caption line {} of session {} corrected by user {}", line, sessionId, user.id());
        return new SaveResult.Saved<>(line);
    }

    /** Sets or clears (blank) the CART provider's streaming-text page: https only. */
    public SaveResult<Integer> saveCartUrl(long sessionId, int expectedVersion, @Nullable String url) {
        permissions.requireSession(sessionId);
        CaptionRepository.Settings settings = repository.settings(sessionId);
        String clean = url == null || url.isBlank() ? null : url.strip();
        if (clean != null && (!clean.startsWith("https://") || !WebAddresses.isValid(clean))) {
            return new SaveResult.Invalid<>(Map.of(CART_FIELD, "Enter the live text page's address as a web "
                    + "address starting with https://, like https://cart.example.org/live/abc123"));
        }
        if (!repository.saveSettings(sessionId, expectedVersion, clean, settings.publishedAt())) {
            return new SaveResult.Conflict<>();
        }
        return new SaveResult.Saved<>(expectedVersion + 1);
    }

    /**
     * Publishes the transcript and WebVTT file once the session has ended, and offers their addresses to the
     * recording where it has none yet.
     */
    public SaveResult<Integer> publish(long sessionId, int expectedVersion) {
        ConveneUser user = permissions.requireSession(sessionId);
        CaptionRepository.SessionTimes times = session(sessionId);
        if (clock.instant().isBefore(times.endsAt())) {
            return new SaveResult.Invalid<>(Map.of("publish", "You can publish the transcript once the session has ended."));
        }
        if (repository.finalLineCount(sessionId) == 0) {
            return new SaveResult.Invalid<>(Map.of("publish", "There are no finished caption lines to publish."));
        }
        CaptionRepository.Settings settings = repository.settings(sessionId);
        if (!repository.saveSettings(sessionId, expectedVersion, settings.cartUrl(), clock.instant())) {
            return new SaveResult.Conflict<>();
        }
        repository.offerToRecording(sessionId, captionsFileUrl(sessionId), transcriptUrl(sessionId));
        log.info("Transcript of session {} published by user {}", sessionId, user.id());
        return new SaveResult.Saved<>(expectedVersion + 1);
    }

    public SaveResult<Integer> unpublish(long sessionId, int expectedVersion) {
        permissions.requireSession(sessionId);
        CaptionRepository.Settings settings = repository.settings(sessionId);
        if (!repository.saveSettings(sessionId, expectedVersion, settings.cartUrl(), null)) {
            return new SaveResult.Conflict<>();
        }
        return new SaveResult.Saved<>(expectedVersion + 1);
    }

    /** The WebVTT file: for everyone once published, and for the session's hosts before. */
    @Transactional(readOnly = true)
    public Optional<String> webVtt(long sessionId) {
        return readable(sessionId).map(times -> Transcript.webVtt(times.startsAt(), allFinal(sessionId)));
    }

    @Transactional(readOnly = true)
    public Optional<String> plainText(long sessionId) {
        return readable(sessionId).map(times -> Transcript.plainText(times.startsAt(), allFinal(sessionId)));
    }

    private Optional<CaptionRepository.SessionTimes> readable(long sessionId) {
        Optional<CaptionRepository.SessionTimes> times = repository.session(sessionId);
        if (times.isEmpty()) {
            return Optional.empty();
        }
        boolean published = repository.settings(sessionId).publishedAt() != null;
        boolean host = currentUser.get().map(u -> permissions.mayManageSession(u, sessionId)).orElse(false);
        return published || host ? times : Optional.empty();
    }

    private List<CaptionLine> allFinal(long sessionId) {
        return repository.finalLines(sessionId, 0, CaptionLimits.LINES_PER_SESSION_MAX);
    }

    private CaptionRepository.SessionTimes session(long sessionId) {
        return repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }
}
