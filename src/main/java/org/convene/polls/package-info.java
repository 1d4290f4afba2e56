/**
 * Live polls in a session (prepared, opened and closed by its facilitators, answered from the session page, shown
 * on the stage and in the report) and the feedback people give after a session.
 */
@NullMarked
package org.convene.polls;

import org.jspecify.annotations.NullMarked;
