package org.convene.qa;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Turns "session S changed up to seq N" notices into events for this node's listeners. One thread reads each
 * session's new events from the log once, in order, however many listeners there are, and however many
 * notices arrived meanwhile: a burst of notices becomes one read.
 */
@Component
class QaFanout {

    private static final Logger log = LoggerFactory.getLogger(QaFanout.class);
    private static final int BATCH = 500;

    private final QaRepository repository;
    private final QaLiveUpdates live;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("qa-fanout").daemon().factory());
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    /** Last seq delivered per session and stream, on this node. */
    private final Map<Long, long[]> delivered = new ConcurrentHashMap<>();

    QaFanout(QaRepository repository, QaLiveUpdates live) {
        this.repository = repository;
        this.live = live;
    }

    /** A NOTIFY arrived: payload "session:moderationSeq:publicSeq". */
    void changed(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3) {
            log.warn("Ignoring a malformed Q&A notice");
            return;
        }
        long sessionId = Long.parseLong(parts[0]);
        long moderationSeq = Long.parseLong(parts[1]);
        long publicSeq = Long.parseLong(parts[2]);
        // The first notice this node sees for a session tells it where the session's streams stand.
        long[] last = delivered.computeIfAbsent(sessionId, id -> new long[]{-1, -1});
        synchronized (last) {
            if (last[0] < 0 && moderationSeq > 0) {
                last[0] = moderationSeq - 1;
            }
            if (last[1] < 0 && publicSeq > 0) {
                last[1] = publicSeq - 1;
            }
        }
        schedule(sessionId);
    }

    /** After a lost connection, notices may have been missed: read again what every known session has. */
    void resync() {
        delivered.keySet().forEach(this::schedule);
    }

    private void schedule(long sessionId) {
        if (pending.add(sessionId)) {
            worker.execute(() -> drain(sessionId));
        }
    }

    private void drain(long sessionId) {
        pending.remove(sessionId);
        try {
            long[] last = delivered.get(sessionId);
            List<QaEvent> moderation;
            List<QaEvent> publicEvents;
            synchronized (last) {
                moderation = last[0] < 0 ? List.of() : read(sessionId, QaStream.MODERATION, last[0]);
                publicEvents = last[1] < 0 ? List.of() : read(sessionId, QaStream.PUBLIC, last[1]);
                if (!moderation.isEmpty()) {
                    last[0] = moderation.getLast().seq();
                }
                if (!publicEvents.isEmpty()) {
                    last[1] = publicEvents.getLast().seq();
                }
            }
            QaUpdate update = new QaUpdate(sessionId, publicEvents, moderation);
            if (!update.isEmpty()) {
                live.publish(update);
            }
            if (moderation.size() == BATCH || publicEvents.size() == BATCH) {
                schedule(sessionId);
            }
        } catch (RuntimeException e) {
            log.error("Q&A fan-out failed for session {}; clients will catch up from the snapshot", sessionId, e);
        }
    }

    private List<QaEvent> read(long sessionId, QaStream stream, long afterSeq) {
        List<QaRepository.EventRow> rows = repository.eventsAfter(sessionId, stream, afterSeq, BATCH);
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> questionIds = rows.stream().map(QaRepository.EventRow::questionId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        Map<Long, QuestionView> views = repository.viewsById(questionIds);
        List<QaEvent> events = new ArrayList<>(rows.size());
        for (QaRepository.EventRow row : rows) {
            QuestionView view = row.questionId() == null ? null : views.get(row.questionId());
            if (view != null && stream == QaStream.PUBLIC) {
                view = view.forPublic();
            }
            events.add(new QaEvent(sessionId, stream, row.seq(), row.type(), view,
                    row.votes() == null ? null : parseVotes(row.votes().data())));
        }
        return events;
    }

    static Map<Long, Integer> parseVotes(String json) {
        Map<Long, Integer> votes = new java.util.LinkedHashMap<>();
        String body = json.trim();
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return votes;
        }
        for (String pair : body.split(",")) {
            String[] kv = pair.split(":");
            votes.put(Long.parseLong(kv[0].trim().replace("\"", "")), Integer.parseInt(kv[1].trim()));
        }
        return votes;
    }


    /** Only when the application closes: a paused context (tests) starts listening again with this worker. */
    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
