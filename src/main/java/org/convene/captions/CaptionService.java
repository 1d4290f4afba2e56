package org.convene.captions;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.live.LiveNotices;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.programme.NoSuchSessionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live captions of a session: sending and revising lines (the session's captioners, facilitators and organisers),
 * reading them (everyone who may see the session: the programme is public), and each reader's pane choices.
 * <p>
 * The revision rule: a sender has at most one line still open. Each SEND replaces the text of the sender's open
 * line, if any, and {@code final: true} closes it; otherwise it starts a new line. So a tool sends the words of a
 * sentence as they come ({@code final: false}) and the whole sentence once more ({@code final: true}); several
 * captioners each have their own open line. Every line is stored before the SEND is answered.
 */
@Service
@Transactional
public class CaptionService {

    /** The notice channel ({@link LiveNotices}); the payload is "sessionId:change". */
    public static final String CHANNEL = "convene_captions";
    public static final String TEXT_FIELD = "text";

    private final CaptionRepository repository;
    private final CurrentUser currentUser;
    private final LiveNotices notices;
    private final Clock clock;
    private final SendRate rate = new SendRate(CaptionLimits.SENDS_PER_WINDOW, CaptionLimits.RATE_WINDOW);

    CaptionService(CaptionRepository repository, CurrentUser currentUser, LiveNotices notices, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- sending ----------------------------------------------------------------------------------------------

    /**
     * Sends a caption line, or revises the sender's open line (see the class comment). Text that cannot be stored
     * comes back as {@link SaveResult.Invalid} with the code {@code EMPTY}, {@code TOO_LONG} or
     * {@code INVALID_CHARACTER}; someone who may not caption the session is refused with an
     * {@link AccessDeniedException}; too many SENDs, a full or cancelled session with a {@link CaptionException}.
     */
    public SaveResult<CaptionLine> send(long sessionId, @Nullable String text, boolean isFinal) {
        ConveneUser user = currentUser.get().orElseThrow(() ->
                new AccessDeniedException("Sign in with your account to send captions."));
        CaptionRepository.SessionTimes session = session(sessionId);
        if (!mayCaption(sessionId, user)) {
            throw new AccessDeniedException("Only this session's captioners, facilitators and the organisers may "
                    + "send its captions. Ask the organisers to add you as a captioner of the session.");
        }
        SaveResult.Invalid<CaptionLine> invalid = checkText(text);
        if (invalid != null) {
            return invalid;
        }
        String clean = text == null ? "" : text.strip();
        if (session.cancelled()) {
            throw new CaptionException(CaptionException.Code.SESSION_CANCELLED,
                    "This session was cancelled, so it takes no captions.");
        }
        Instant now = clock.instant();
        if (!rate.allow(sessionId, user.id(), now)) {
            throw new CaptionException(CaptionException.Code.RATE_LIMITED, "You sent more than "
                    + CaptionLimits.SENDS_PER_WINDOW + " captions in " + CaptionLimits.RATE_WINDOW.toSeconds()
                    + " seconds. Wait a moment, then send again; revise a line by sending it again with more words.");
        }
        CaptionRepository.Counters counters = repository.lockCounters(sessionId);
        long change = counters.lastChange() + 1;
        var open = repository.openLine(sessionId, user.id());
        CaptionLine line;
        long lastLine = counters.lastLine();
        if (open.isPresent()) {
            line = repository.revise(sessionId, open.get(), change, clean, isFinal, now);
        } else {
            if (lastLine >= CaptionLimits.LINES_PER_SESSION_MAX) {
                throw new CaptionException(CaptionException.Code.TOO_MANY_LINES, "This session already has "
                        + CaptionLimits.LINES_PER_SESSION_MAX + " caption lines, the most one session can have.");
            }
            lastLine++;
            line = repository.insert(sessionId, lastLine, change, user.id(), clean, isFinal, now);
        }
        repository.saveCounters(sessionId, new CaptionRepository.Counters(lastLine, change));
        notices.publish(CHANNEL, sessionId + ":" + change);
        return new SaveResult.Saved<>(line);
    }

    /** Whether the signed-in person may send this session's captions. */
    @Transactional(readOnly = true)
    public boolean mayCaption(long sessionId) {
        return currentUser.get().map(u -> mayCaption(sessionId, u)).orElse(false);
    }

    private boolean mayCaption(long sessionId, ConveneUser user) {
        return user.has(Role.ORGANISER) || repository.isCaptionerOrFacilitator(sessionId, user.id());
    }

    /** The one check of a caption's text, for sending and for a host's correction; null when it may be stored. */
    static <T> SaveResult.@Nullable Invalid<T> checkText(@Nullable String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return invalid("Enter the caption text.", "EMPTY");
        }
        if (clean.length() > CaptionLimits.LINE_MAX) {
            return invalid("A caption line must be " + CaptionLimits.LINE_MAX + " characters or fewer. Send a long "
                    + "sentence as two lines.", "TOO_LONG");
        }
        return TextRule.problem("The caption", clean, TextRule.Lines.ONE)
                .map(message -> CaptionService.<T>invalid(message, "INVALID_CHARACTER")).orElse(null);
    }

    private static <T> SaveResult.Invalid<T> invalid(String message, String code) {
        return new SaveResult.Invalid<>(Map.of(TEXT_FIELD, message), code);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** Refuses an unknown session. Every session of the programme may be seen by everyone. */
    @Transactional(readOnly = true)
    public void requireVisible(long sessionId) {
        session(sessionId);
    }

    /** The newest lines of the session, at most {@link CaptionLimits#PAGE}, in line order. */
    @Transactional(readOnly = true)
    public CaptionPage latest(long sessionId) {
        session(sessionId);
        // the change first: a line changed in between is then delivered again, never missed
        long lastChange = repository.lastChange(sessionId);
        return page(repository.before(sessionId, Long.MAX_VALUE, CaptionLimits.PAGE + 1), lastChange);
    }

    /** Up to {@link CaptionLimits#PAGE} lines before {@code beforeLine}, in line order: scrolling back. */
    @Transactional(readOnly = true)
    public CaptionPage earlier(long sessionId, long beforeLine) {
        session(sessionId);
        return page(repository.before(sessionId, beforeLine, CaptionLimits.PAGE + 1), 0);
    }

    private static CaptionPage page(List<CaptionLine> newestFirstPlusOne, long lastChange) {
        boolean hasEarlier = newestFirstPlusOne.size() > CaptionLimits.PAGE;
        List<CaptionLine> lines = new ArrayList<>(newestFirstPlusOne.subList(0,
                Math.min(CaptionLimits.PAGE, newestFirstPlusOne.size())));
        java.util.Collections.reverse(lines);
        return new CaptionPage(lines, lastChange, hasEarlier);
    }

    /**
     * The lines changed after {@code change}, for the live fan-out (one read per change per node, shared by all
     * readers there), so it checks nobody: what it returns is public.
     */
    @Transactional(readOnly = true)
    public List<CaptionLine> changedAfter(long sessionId, long change) {
        return repository.changedAfter(sessionId, change, CaptionLimits.CHANGES_PER_READ);
    }

    /**
     * Whether the session's pages offer the caption pane: it advertises live captions, has a CART address, or
     * someone has sent captions.
     */
    @Transactional(readOnly = true)
    public boolean offered(long sessionId, boolean advertised) {
        return advertised || repository.settings(sessionId).cartUrl() != null || repository.lastChange(sessionId) > 0;
    }

    /** The session's CART streaming-text page, if its hosts gave one. */
    @Transactional(readOnly = true)
    public @Nullable String cartUrl(long sessionId) {
        return repository.settings(sessionId).cartUrl();
    }

    // ---- the reader's choices ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CaptionPreferences preferences() {
        return currentUser.get().flatMap(u -> repository.preferences(u.id())).orElse(CaptionPreferences.DEFAULT);
    }

    /** Remembers the choices in the reader's account; false for an anonymous reader (the page keeps them). */
    public boolean savePreferences(CaptionPreferences preferences) {
        return currentUser.get().map(u -> {
            repository.savePreferences(u.id(), preferences);
            return true;
        }).orElse(false);
    }

    private CaptionRepository.SessionTimes session(long sessionId) {
        return repository.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }
}
