/**
 * Access help during a session: one-press private signals from attendees to the session's facilitators
 * ("Captions have stopped", "I cannot hear", ...), their live counts for facilitators and their totals in the
 * session report; and the session's British Sign Language interpreter video.
 */
@NullMarked
package org.convene.accesshelp;

import org.jspecify.annotations.NullMarked;
