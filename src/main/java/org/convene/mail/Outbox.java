package org.convene.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Where features put the email they send. {@link #enqueue} joins the caller's transaction and refuses to run
 * without one, so a message exists exactly when what caused it was committed: a rolled-back sign-up sends no
 * confirmation, and a committed one cannot lose it.
 */
@Service
public class Outbox {

    private final OutboxRepository outbox;
    private final Clock clock;

    Outbox(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Adds a message, unless one with its idempotency key was added before.
     *
     * @return true when this call added it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        return outbox.insert(mail, clock.instant());
    }
}
