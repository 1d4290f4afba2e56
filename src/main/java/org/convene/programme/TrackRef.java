package org.convene.programme;

/** A track by id and name, as filters and cards show it. */
public record TrackRef(long id, String name) {
}
