package org.convene.programme;

/** A host organisation by id and name, as filters and cards show it. */
public record HostRef(long id, String name) {
}
