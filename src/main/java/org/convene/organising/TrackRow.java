package org.convene.organising;

/** A track in the organiser's list: its place and how many sessions use it. */
public record TrackRow(long id, String name, int position, int sessions, int version) {
}
