package org.convene.accesshelp;

import org.convene.core.SaveResult;
import org.convene.core.live.LiveNotices;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Access help: attendees send one-press signals while a session is on; its facilitators, its host organisation's
 * coordinators and organisers read them. Each change is announced to every node with a {@link LiveNotices} notice
 * carrying the session's id, once the signal is committed.
 */
@Service
@Transactional
public class AccessHelpService {

    /** The live notice channel; its payload is the session's id. */
    public static final String CHANNEL = "convene_access_help";
    /** The form field a note's problem is reported on. */
    public static final String NOTE = "note";
    /** The form field of the interpreter video's address. */
    public static final String BSL_VIDEO = "bslVideo";

    private final AccessHelpRepository repository;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final LiveNotices notices;
    private final Clock clock;

    AccessHelpService(AccessHelpRepository repository, ProgrammePermissions permissions, CurrentUser currentUser,
                      LiveNotices notices, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- attendees ------------------------------------------------------------------------------------------

    /**
     * Sends one signal to the session's facilitators. A note that cannot be stored comes back as
     * {@link SaveResult.Invalid} on {@link #NOTE}; someone not signed in, a session not on now and a person over
     * {@link AccessHelpLimits#SIGNALS_PER_PERSON} are refused with an {@link AccessHelpException}.
     */
    public SaveResult<HelpKind> send(long sessionId, HelpKind kind, @Nullable String note) {
        ConveneUser user = currentUser.get().orElseThrow(() -> new AccessHelpException(
                AccessHelpException.Code.NOT_SIGNED_IN, "Log in to tell the facilitator."));
        String clean = HelpRules.cleanNote(kind, note);
        Optional<String> problem = HelpRules.noteProblem(clean);
        if (problem.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(NOTE, problem.get()));
        }
        AccessHelpRepository.SessionTimes times = repository.times(sessionId)
                .orElseThrow(() -> new NoSuchSessionException(sessionId));
        Instant now = clock.instant();
        if (!HelpRules.isOpen(times.startsAt(), times.endsAt(), times.cancelled(), now)) {
            throw new AccessHelpException(AccessHelpException.Code.CLOSED, times.cancelled()
                    ? "This session has been cancelled, so there is nobody to tell."
                    : "You can tell the facilitator from shortly before the session starts until it ends.");
        }
        repository.lockSender(user.id());
        if (repository.sentBySince(user.id(), now.minus(AccessHelpLimits.PERSON_WINDOW))
                >= AccessHelpLimits.SIGNALS_PER_PERSON) {
            throw new AccessHelpException(AccessHelpException.Code.RATE_LIMITED, "You have sent "
                    + AccessHelpLimits.SIGNALS_PER_PERSON + " messages in the last "
                    + AccessHelpLimits.PERSON_WINDOW.toMinutes() + " minutes. The facilitators have them all. "
                    + "Please wait a few minutes before sending another.");
        }
        repository.insert(sessionId, user.id(), kind, clean, now);
        notices.publish(CHANNEL, Long.toString(sessionId));
        return new SaveResult.Saved<>(kind);
    }

    /** Whether signals are taken for this session now (the session page shows its buttons only then). */
    @Transactional(readOnly = true)
    public boolean isOpen(long sessionId) {
        return repository.times(sessionId)
                .map(t -> HelpRules.isOpen(t.startsAt(), t.endsAt(), t.cancelled(), clock.instant()))
                .orElse(false);
    }

    // ---- facilitators and hosts ---------------------------------------------------------------------------

    /** The session's facilitators, the coordinators of its host organisation and organisers. */
    @Transactional(readOnly = true)
    public boolean maySee(long sessionId) {
        return currentUser.get().map(u -> maySee(sessionId, u)).orElse(false);
    }

    private boolean maySee(long sessionId, ConveneUser user) {
        return permissions.mayManageSession(user, sessionId) || repository.isFacilitatorOf(sessionId, user.id());
    }

    void requireSee(long sessionId) {
        ConveneUser user = currentUser.require();
        if (repository.times(sessionId).isEmpty()) {
            throw new NoSuchSessionException(sessionId);
        }
        if (!maySee(sessionId, user)) {
            throw new AccessDeniedException("Only this session's facilitators, its host organisation and organisers "
                    + "can see what attendees asked for.");
        }
    }

    /** The counts of the last few minutes and their notes; see {@link HelpSummary}. */
    @Transactional(readOnly = true)
    public HelpSummary recent(long sessionId) {
        requireSee(sessionId);
        return recentUnchecked(sessionId);
    }

    /** For the live feed, which checked the reader when they subscribed; the read it shares serves them all. */
    @Transactional(readOnly = true)
    HelpSummary recentUnchecked(long sessionId) {
        Instant now = clock.instant();
        Instant since = now.minus(AccessHelpLimits.RECENT_WINDOW);
        return new HelpSummary(sessionId, repository.countsSince(sessionId, since),
                repository.notesSince(sessionId, since, AccessHelpLimits.RECENT_NOTES), now);
    }

    /** The whole session's signals, for its report. */
    @Transactional(readOnly = true)
    public HelpTotals totals(long sessionId) {
        requireSee(sessionId);
        return new HelpTotals(sessionId, repository.totals(sessionId), repository.allNotes(sessionId));
    }

    /**
     * The totals as CSV, one line per kind, times in UTC like the report's other files. Notes are left out: they are free
     * text, read on the report page, and a spreadsheet is easily passed on further than it should be.
     */
    @Transactional(readOnly = true)
    public void writeCsv(long sessionId, Writer out) throws IOException {
        HelpTotals totals = totals(sessionId);
        out.write("Signal,Times sent,First sent (UTC),Last sent (UTC)\r\n");
        for (HelpTotals.KindTotal line : totals.kinds()) {
            out.write(line.kind().label() + "," + line.count() + "," + csvTime(line.first()) + ","
                    + csvTime(line.last()) + "\r\n");
        }
    }

    private static String csvTime(@Nullable Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- the BSL interpreter's video ----------------------------------------------------------------------

    /** The session's interpreter video address, if it has one. Public, like the session page. */
    @Transactional(readOnly = true)
    public Optional<String> bslVideo(long sessionId) {
        return repository.bslVideo(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    /** Whether the current person may set the session's interpreter video (its host organisation, organisers). */
    @Transactional(readOnly = true)
    public boolean mayManage(long sessionId) {
        return currentUser.get().map(u -> permissions.mayManageSession(u, sessionId)).orElse(false);
    }

    /**
     * Sets (or, with a blank address, removes) the interpreter video. A wrong address comes back as
     * {@link SaveResult.Invalid} on {@link #BSL_VIDEO}; someone who may not change the session is refused.
     * One column written whole: two hosts saving at once leave the last one's address, which is all either meant.
     */
    public SaveResult<Optional<String>> setBslVideo(long sessionId, @Nullable String url) {
        permissions.requireSession(sessionId);
        String clean = BslVideo.clean(url);
        Optional<String> problem = BslVideo.problem(clean);
        if (problem.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(BSL_VIDEO, problem.get()));
        }
        repository.bslVideo(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        repository.setBslVideo(sessionId, clean);
        return new SaveResult.Saved<>(Optional.ofNullable(clean));
    }
}
