package org.convene.accesshelp;

import org.convene.core.TextRule;
import org.convene.programme.SessionDetail;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/** The pure rules of access help, apart from the beans so they are tested without a database. */
public final class HelpRules {

    private HelpRules() {
    }

    /**
     * Signals are taken from when the session's joining window opens (people test their sound and captions then)
     * until it ends; never for a cancelled session.
     */
    public static boolean isOpen(Instant startsAt, Instant endsAt, boolean cancelled, Instant now) {
        return !cancelled && !now.isBefore(startsAt.minus(SessionDetail.JOIN_OPENS_BEFORE)) && now.isBefore(endsAt);
    }

    /** The note as stored: trimmed, and null when empty (it is optional) or for a kind that carries none. */
    public static @Nullable String cleanNote(HelpKind kind, @Nullable String note) {
        if (kind != HelpKind.SOMETHING_ELSE || note == null || note.isBlank()) {
            return null;
        }
        return note.strip();
    }

    /** What is wrong with a cleaned note, in words for the attendee, if anything. */
    public static Optional<String> noteProblem(@Nullable String note) {
        if (note == null) {
            return Optional.empty();
        }
        int length = note.codePointCount(0, note.length());
        if (length > AccessHelpLimits.TEXT_MAX) {
            return Optional.of("Your note must be " + AccessHelpLimits.TEXT_MAX + " characters or fewer. It has "
                    + length + ".");
        }
        return TextRule.problem("Your note", note, TextRule.Lines.ONE);
    }
}
