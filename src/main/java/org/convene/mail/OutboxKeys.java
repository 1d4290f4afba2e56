package org.convene.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Set;

/**
 * For features that enqueue on a schedule (the reminders): which of their keys are in the outbox already, so a job
 * that runs every minute writes each message once without building it again each time; and withdrawing messages
 * still waiting to go whose cause is gone (a session moved or cancelled in the minutes before its reminder left).
 */
@Service
public class OutboxKeys {

    private final OutboxKeysRepository outbox;

    OutboxKeys(OutboxKeysRepository outbox) {
        this.outbox = outbox;
    }

    /** Those of {@code keys} that are in the outbox, in any state. */
    @Transactional(readOnly = true)
    public Set<String> present(Collection<String> keys) {
        return keys.isEmpty() ? Set.of() : outbox.present(keys);
    }

    /**
     * Deletes the messages of this kind that are still waiting to be sent, except those with the given keys.
     * A message the sender is sending at that moment is locked by it, and is sent (not deleted) once it lets go.
     *
     * @return how many were withdrawn
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawPendingExcept(String kind, Collection<String> keep) {
        return outbox.deletePendingExcept(kind, keep);
    }
}
