package org.convene.organising;

/** A host organisation as its edit page shows it. */
public record HostEdit(long id, String name, String website, String description, int version) {
}
