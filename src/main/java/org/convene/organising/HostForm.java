package org.convene.organising;

import org.jspecify.annotations.Nullable;

/** A host organisation as the organiser's form describes it. */
public record HostForm(@Nullable String name, @Nullable String website, @Nullable String description) {

    public static final String NAME = "name";
    public static final String WEBSITE = "website";
    public static final String DESCRIPTION = "description";
}
