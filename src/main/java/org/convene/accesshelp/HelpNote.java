package org.convene.accesshelp;

import java.time.Instant;

/** What an attendee typed with "Something else", and when; never who. */
public record HelpNote(Instant sentAt, String text) {
}
