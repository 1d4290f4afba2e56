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

    /** @param problems field name (see each form record's constants) to the message shown beside it */
    record Invalid<T>(Map<String, String> problems) implements SaveResult<T> {
        public Invalid {
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    /** The version the form was loaded with is no longer the stored one; nothing was saved. */
    record Conflict<T>() implements SaveResult<T> {
    }
}
