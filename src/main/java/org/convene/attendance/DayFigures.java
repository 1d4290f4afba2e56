package org.convene.attendance;

import java.time.LocalDate;

/** One conference day: different people at any of its sessions, and their minutes in sessions. */
public record DayFigures(LocalDate day, int uniqueAttendees, double attendeeMinutes) {
}
