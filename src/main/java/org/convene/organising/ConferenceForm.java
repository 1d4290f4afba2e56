package org.convene.organising;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A conference as the organiser's form describes it. Days may be null when the form could not read them;
 * the rules then say which is missing.
 *
 * @param joinNeedsAccount whether following a session's Join link needs a signed-in account
 */
public record ConferenceForm(@Nullable String name, @Nullable String slug, @Nullable String theme,
                             @Nullable String description, @Nullable String timeZone,
                             @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, boolean joinNeedsAccount) {

    /** A form without the joining setting: anyone with a Join link may join, as before the setting existed. */
    public ConferenceForm(@Nullable String name, @Nullable String slug, @Nullable String theme,
                          @Nullable String description, @Nullable String timeZone,
                          @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {
        this(name, slug, theme, description, timeZone, firstDay, lastDay, false);
    }

    public static final String NAME = "name";
    public static final String SLUG = "slug";
    public static final String THEME = "theme";
    public static final String DESCRIPTION = "description";
    public static final String TIME_ZONE = "timeZone";
    public static final String FIRST_DAY = "firstDay";
    public static final String LAST_DAY = "lastDay";
    public static final String JOIN_NEEDS_ACCOUNT = "joinNeedsAccount";
}
