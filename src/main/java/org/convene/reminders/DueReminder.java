package org.convene.reminders;

import java.time.LocalDate;
import java.util.List;

/** A reminder whose moment has come: the job enqueues it unless its key is already in the outbox. */
public sealed interface DueReminder {

    long userId();

    String email();

    /** The outbox's idempotency key: one message per person and day, or per person, session and start time. */
    String key();

    /** The sessions on the person's agenda that start on {@code day}, in start order, all in one message. */
    record DayBefore(long userId, String email, LocalDate day, List<AgendaSession> sessions) implements DueReminder {

        public static final String KIND = "reminder-day";

        @Override
        public String key() {
            return KIND + ":" + userId + ":" + day;
        }
    }

    /**
     * One session about to start. The key holds the start time, so a session moved after its reminder went gets
     * another one for its new time.
     */
    record Soon(AgendaSession session) implements DueReminder {

        public static final String KIND = "reminder-soon";

        @Override
        public long userId() {
            return session.userId();
        }

        @Override
        public String email() {
            return session.email();
        }

        @Override
        public String key() {
            return KIND + ":" + session.userId() + ":" + session.sessionId() + ":" + session.startsAt().getEpochSecond();
        }
    }
}
