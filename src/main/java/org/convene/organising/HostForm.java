package org.convene.organising;

/** A host organisation as the organiser's form describes it. */
public record HostForm(String name, String website, String description) {

    public static final String NAME = "name";
    public static final String WEBSITE = "website";
    public static final String DESCRIPTION = "description";
}
