package org.convene.organising;

/** A host organisation in the organiser's list. */
public record HostRow(long id, String name, String website, int coordinators, int sessions) {
}
