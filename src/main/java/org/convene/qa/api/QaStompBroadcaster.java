package org.convene.qa.api;

import org.convene.qa.QaEvent;
import org.convene.qa.QaExecutors;
import org.convene.qa.QaLiveUpdates;
import org.convene.qa.QaProperties;
import org.convene.qa.QaUpdate;
import org.convene.qa.QuestionView;
import org.springframework.beans.factory.annotation.Qualifier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends each session's committed Q&A events to its STOMP topics. A frame carries every event the node read
 * since the last frame, each with its own seq, so a burst costs one delivery per subscriber, not one per event.
 * A question change leaves promptly, vote counts at a slower pace ({@link FramePacing}). On a public topic, a frame of
 * vote counts alone waits until the frames before it have been handed to every subscriber's connection, and then at
 * least half as long again; a question's frame does not wait for that, but its interval too grows with the time a
 * hand-off takes, so a large audience gets fuller frames instead of a backlog.
 */
@Component
class QaStompBroadcaster implements SmartLifecycle {

    private final QaLiveUpdates live;
    private final SimpMessagingTemplate messaging;
    private final PublicTopicFanout publicTopics;
    private final JsonMapper json;
    private final FramePacing pacing;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** One thread ({@link QaExecutors#STOMP_FRAMES}): a destination's frames leave in order. */
    private final ThreadPoolTaskScheduler flusher;
    private volatile QaLiveUpdates.@Nullable Registration registration;

    QaStompBroadcaster(QaLiveUpdates live, SimpMessagingTemplate messaging, PublicTopicFanout publicTopics,
                       JsonMapper json, QaProperties properties,
                       @Qualifier(QaExecutors.STOMP_FRAMES) ThreadPoolTaskScheduler flusher) {
        this.live = live;
        this.messaging = messaging;
        this.publicTopics = publicTopics;
        this.json = json;
        this.pacing = new FramePacing(properties.frameInterval().toMillis(), properties.questionFrameInterval().toMillis());
        this.flusher = flusher;
    }

    /** Events waiting for a destination's next frame. */
    private static final class Pending {
        final long sessionId;
        final List<QaEvent> events = new ArrayList<>();
        long lastSentAt;
        /** How long handing the last frame to every subscriber's connection took. */
        long lastWriteMillis;
        /** Whether the waiting events include a question change, which makes the next frame due sooner. */
        boolean questions;
        boolean scheduled;
        /** When the scheduled flush is due; a flush scheduled for another time has been superseded. */
        long dueAt;
        /** Frames still being handed to their subscribers: a question's frame does not wait for them. */
        int handOffs;
        boolean flushWhenHandedOff;

        Pending(long sessionId) {
            this.sessionId = sessionId;
        }
    }

    /** What a subscriber receives: the session and its events in seq order. */
    record Frame(long sessionId, List<Event> events) {
    }

    record Event(long seq, String type, @Nullable QuestionView question, @Nullable Map<Long, Integer> votes) {
    }

    private void send(QaUpdate update) {
        if (!update.publicEvents().isEmpty()) {
            enqueue("/topic/sessions." + update.sessionId() + ".questions", update.sessionId(), update.publicEvents());
        }
        if (!update.moderationEvents().isEmpty()) {
            enqueue("/topic/sessions." + update.sessionId() + ".moderation", update.sessionId(), update.moderationEvents());
        }
    }

    /**
     * Events arriving before the next frame is due ride in it. A question change arriving while a frame of vote
     * counts waits brings that frame forward.
     */
    private void enqueue(String destination, long sessionId, List<QaEvent> events) {
        Pending p = pending.computeIfAbsent(destination, d -> new Pending(sessionId));
        synchronized (p) {
            p.events.addAll(events);
            p.questions |= FramePacing.changesQuestions(events);
            long due = pacing.dueAt(p.lastSentAt, p.lastWriteMillis, p.questions);
            if (!p.scheduled || due < p.dueAt) {
                p.scheduled = true;
                p.dueAt = due;
                schedule(destination, p, due, Math.max(0, due - System.nanoTime() / 1_000_000));
            }
        }
    }

    private void schedule(String destination, Pending p, long due, long waitMillis) {
        try {
            // the scheduler's own clock, not the application's: a test's moved Clock must not hold frames back
            flusher.schedule(() -> flush(destination, p, due), flusher.getClock().instant().plusMillis(waitMillis));
        } catch (RejectedExecutionException stopped) {
            // stopping: the frame is dropped; clients catch up from the snapshot on the seq gap
        }
    }

    private void flush(String destination, Pending p, long due) {
        List<QaEvent> events;
        synchronized (p) {
            if (!p.scheduled || p.dueAt != due) {
                return; // brought forward, and already sent
            }
            if (p.handOffs > 0 && !p.questions) {
                // vote counts alone wait until the frames in hand have reached every subscriber (FramePacing)
                p.flushWhenHandedOff = true;
                return;
            }
            events = List.copyOf(p.events);
            p.events.clear();
            p.questions = false;
            p.scheduled = false;
            p.lastSentAt = System.nanoTime() / 1_000_000;
        }
        if (events.isEmpty()) {
            return;
        }
        Frame frame = frame(p.sessionId, events);
        if (!destination.endsWith(".questions")) {
            messaging.convertAndSend(destination, frame);
            return;
        }
        String eventsJson = json.writeValueAsString(frame.events());
        long started = System.nanoTime();
        synchronized (p) {
            p.handOffs++;
        }
        publicTopics.publish(p.sessionId, eventsJson).whenComplete((done, failure) -> {
            boolean again;
            long dueAt;
            synchronized (p) {
                p.lastWriteMillis = (System.nanoTime() - started) / 1_000_000;
                p.handOffs--;
                again = p.flushWhenHandedOff && p.handOffs == 0;
                if (again) {
                    p.flushWhenHandedOff = false;
                }
                dueAt = p.dueAt;
            }
            if (again) {
                schedule(destination, p, dueAt, 0);
            }
        });
    }

    private static Frame frame(long sessionId, List<QaEvent> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (QaEvent e : events) {
            out.add(new Event(e.seq(), e.type(), e.question(), e.votes()));
        }
        return new Frame(sessionId, out);
    }

    /**
     * Also after a stop: the context may be stopped and started again (the test context cache pauses contexts).
     * Frames that were waiting meanwhile leave when the paused scheduler resumes.
     */
    @Override
    public void start() {
        registration = live.subscribeToAll(this::send);
    }

    @Override
    public void stop() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }

    @Override
    public boolean isRunning() {
        return registration != null;
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }
}
