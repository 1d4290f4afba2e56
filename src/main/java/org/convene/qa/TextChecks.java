package org.convene.qa;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one check for what people type into the Q&A (questions, replies, reasons, names): each field's problem in
 * the order the form shows them, and the code API clients are given (EMPTY, TOO_LONG, INVALID_CHARACTER for what
 * {@link TextRule} refuses) for the first. Pure, so the rule is tested without a database.
 */
final class TextChecks {

    private final Map<String, String> problems = new LinkedHashMap<>();
    private QaException.@Nullable Code firstCode;

    /** The text as it will be stored (trimmed); a problem is noted when it is empty or too long. */
    String required(String field, @Nullable String text, int max, String what) {
        String clean = clean(text);
        if (clean.isEmpty()) {
            note(field, QaException.Code.EMPTY, what + " is empty. Type something first.");
        } else {
            check(field, clean, max, what, TextRule.Lines.MANY);
        }
        return clean;
    }

    /** As {@link #required}, but nothing typed is allowed and stored as null. */
    @Nullable String optional(String field, @Nullable String text, int max, String what, TextRule.Lines lines) {
        String clean = clean(text);
        if (clean.isEmpty()) {
            return null;
        }
        check(field, clean, max, what, lines);
        return clean;
    }

    /** What the action answers when something typed cannot be stored; null when everything can. */
    <T> SaveResult.@Nullable Invalid<T> invalid() {
        QaException.Code code = firstCode;
        return code == null ? null : new SaveResult.Invalid<>(problems, code.name());
    }

    private void check(String field, String clean, int max, String what, TextRule.Lines lines) {
        int length = clean.codePointCount(0, clean.length());
        if (length > max) {
            note(field, QaException.Code.TOO_LONG,
                    what + " is " + length + " characters long. It can be at most " + max + ".");
            return;
        }
        TextRule.problem(what, clean, lines).ifPresent(message -> note(field, QaException.Code.INVALID_CHARACTER, message));
    }

    private void note(String field, QaException.Code code, String message) {
        problems.putIfAbsent(field, message);
        if (firstCode == null) {
            firstCode = code;
        }
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
