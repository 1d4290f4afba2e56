package org.convene.core;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The one rule every text people or scripts send must keep before it is stored: no control characters and no
 * half of a character pair. PostgreSQL refuses U+0000 in text outright (the request would fail deep in a write),
 * and the other controls are invisible on screen, break calendar and schedule files, and reach screen readers as
 * noise. Tab is allowed everywhere; a line break (LF, or CR followed by LF) only where the field has several
 * lines. Each service calls this from its own checks and reports the problem in its own way (a form's field, a
 * coded API error, an import row or note).
 */
public final class TextRule {

    /** Whether a field may hold line breaks. */
    public enum Lines { ONE, MANY }

    private TextRule() {
    }

    /**
     * The problem with {@code text}, or empty when it may be stored.
     *
     * @param subject how the message names the field, as the start of a sentence: "The title", "Your name"
     */
    public static Optional<String> problem(String subject, @Nullable String text, Lines lines) {
        String what = offenceOrNull(text, lines);
        return what == null ? Optional.empty()
                : Optional.of(subject + " contains a character that cannot be stored (" + what
                + "). Remove it and try again.");
    }

    /**
     * What is wrong with {@code text} in a few words ("a control character"), for a note that continues
     * differently, such as an import's "left out"; empty when it may be stored.
     */
    public static Optional<String> offence(@Nullable String text, Lines lines) {
        return Optional.ofNullable(offenceOrNull(text, lines));
    }

    /** Whether {@code text} may be stored (null counts as nothing to store). */
    public static boolean allows(@Nullable String text, Lines lines) {
        return offenceOrNull(text, lines) == null;
    }

    /** What is wrong, in words for the message; null when nothing is. */
    private static @Nullable String offenceOrNull(@Nullable String text, Lines lines) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "half of a character pair";
            }
            if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                if (lines == Lines.ONE) {
                    return "a line break";
                }
                continue;
            }
            if (c != '\t' && isControl(c)) {
                return "a control character";
            }
        }
        return null;
    }

    /** C0 (U+0000 to U+001F), DEL and C1 (U+0080 to U+009F). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
