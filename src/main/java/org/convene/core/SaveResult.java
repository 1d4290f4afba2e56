package org.convene.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of a change an organiser asked for: saved, refused with a message per field (GOV.UK style, in
 * the order the form shows the fields), or refused because someone else saved the record first.
 */
public sealed interface SaveResult<T> permits SaveResult.Saved, SaveResult.Invalid, SaveResult.Conflict {

    record Saved<T>(T value) implements SaveResult<T> {
    }

    /**
     * @param problems field name (see each form record's constants) to the message shown beside it; never empty
     * @param code     what API clients are told (a problem-details or STOMP error {@code code}); a feature whose
     *                 API promised finer codes (the Q&A's {@code EMPTY}, {@code TOO_LONG}) gives its own
     */
    record Invalid<T>(Map<String, String> problems, String code) implements SaveResult<T> {

        public static final String INVALID_INPUT = "INVALID_INPUT";

        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one problem");
            }
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        public Invalid(Map<String, String> problems) {
            this(problems, INVALID_INPUT);
        }

        /** The first problem in form order: what a client with one message line (the API) is told. */
        public String firstMessage() {
            return problems.values().iterator().next();
        }
    }

    /** The version the form was loaded with is no longer the stored one; nothing was saved. */
    record Conflict<T>() implements SaveResult<T> {
    }
}
