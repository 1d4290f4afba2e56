package org.convene.organising;

/** A person in the organiser's list. */
public record PersonRow(long id, String name, String organisation, boolean hasAccount, int sessions) {
}
