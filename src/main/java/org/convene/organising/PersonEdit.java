package org.convene.organising;

/** A person as their edit page shows them; accountEmail is null when no account is linked. */
public record PersonEdit(long id, String name, String organisation, String bio, String accountEmail, int version) {
}
