/**
 * Reminders of the sessions on a person's agenda: one email the day before listing that day's sessions, and one
 * about 15 minutes before each session with its Join link; each person's time zone for them and the optional
 * alarm in their calendar feed. Messages go through the mail module's outbox, never straight to a mail server.
 */
@NullMarked
package org.convene.reminders;

import org.jspecify.annotations.NullMarked;
