package org.convene.organising;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A conference as the organiser's form describes it. Days may be null when the form could not read them;
 * the rules then say which is missing.
 */
public record ConferenceForm(@Nullable String name, @Nullable String slug, @Nullable String theme,
                             @Nullable String description, @Nullable String timeZone,
                             @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {

    public static final String NAME = "name";
    public static final String SLUG = "slug";
    public static final String THEME = "theme";
    public static final String DESCRIPTION = "description";
    public static final String TIME_ZONE = "timeZone";
    public static final String FIRST_DAY = "firstDay";
    public static final String LAST_DAY = "lastDay";
}
