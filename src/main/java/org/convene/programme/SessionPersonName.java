package org.convene.programme;

/** Someone running a session, as a timetable card names them. */
public record SessionPersonName(String name, PersonRole role) {
}
