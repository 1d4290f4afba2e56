/**
 * Email about changes: a session on someone's agenda moved, was cancelled or goes ahead after all, its recording
 * was published, someone was made a facilitator, someone was invited to coordinate a partner host. It listens to
 * the events the changing features publish, synchronously and inside their transaction, so a message is in the
 * outbox exactly when its change was committed.
 */
@NullMarked
package org.convene.notifications;

import org.jspecify.annotations.NullMarked;
