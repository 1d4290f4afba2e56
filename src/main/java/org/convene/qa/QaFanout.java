package org.convene.qa;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final BoardReader boardReader;
    /** One thread ({@link QaExecutors#FANOUT}): each session's events are read and announced in order. */
    private final TaskExecutor worker;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    /** Last seq delivered per session and stream, on this node. Also the lock for the session's board. */
    private final Map<Long, long[]> delivered = new ConcurrentHashMap<>();
    /** The shared board of each session that has pages open on this node; guarded by the session's lock. */
    private final Map<Long, LiveBoard> boards = new ConcurrentHashMap<>();

    QaFanout(QaRepository repository, QaLiveUpdates live, BoardReader boardReader,
             @Qualifier(QaExecutors.FANOUT) TaskExecutor worker) {
        this.repository = repository;
        this.live = live;
        this.boardReader = boardReader;
        this.worker = worker;
    }

    private long[] lockOf(long sessionId) {
        return delivered.computeIfAbsent(sessionId, id -> new long[]{-1, -1});
    }

    /**
     * Keeps a shared board for the session from now on, starting from one a page has just read, unless one is
     * kept already; returns the board kept. Events this node delivered after that read are applied to it from
     * the log, so the board is never behind what the node has announced.
     */
    LiveBoard keepBoard(LiveBoard read) {
        long sessionId = read.sessionId();
        long[] last = lockOf(sessionId);
        synchronized (last) {
            LiveBoard kept = boards.get(sessionId);
            if (kept != null && kept.moderationSeq() >= read.moderationSeq()) {
                return kept;
            }
            LiveBoard board = read;
            if (last[0] < 0) {
                // no notice seen yet: the stream carries on from the board's read
                last[0] = read.moderationSeq();
                last[1] = read.publicSeq();
            } else if (last[0] > read.moderationSeq()) {
                board = catchUp(read, last[0]);
            }
            boards.put(sessionId, board);
            return board;
        }
    }

    /** The board kept for the session, if pages show it on this node. */
    @Nullable LiveBoard keptBoard(long sessionId) {
        return boards.get(sessionId);
    }

    /** No page shows the session any more on this node: stop keeping its board. */
    void dropBoard(long sessionId) {
        long[] last = lockOf(sessionId);
        synchronized (last) {
            boards.remove(sessionId);
        }
    }

    private LiveBoard catchUp(LiveBoard board, long upToSeq) {
        Batch batch = read(board.sessionId(), QaStream.MODERATION, board.moderationSeq());
        List<QaEvent> events = batch.events().stream().filter(e -> e.seq() <= upToSeq).toList();
        return board.apply(events, batch.authors(), repository.settings(board.sessionId()), board.publicSeq());
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
        long[] last = lockOf(sessionId);
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
            long[] last = lockOf(sessionId);
            Batch moderation;
            Batch publicEvents;
            LiveBoard board = null;
            synchronized (last) {
                moderation = last[0] < 0 ? Batch.EMPTY : read(sessionId, QaStream.MODERATION, last[0]);
                publicEvents = last[1] < 0 ? Batch.EMPTY : read(sessionId, QaStream.PUBLIC, last[1]);
                if (!moderation.events().isEmpty()) {
                    last[0] = moderation.events().getLast().seq();
                }
                if (!publicEvents.events().isEmpty()) {
                    last[1] = publicEvents.events().getLast().seq();
                }
                LiveBoard kept = boards.get(sessionId);
                if (kept != null && !moderation.events().isEmpty()) {
                    board = advance(kept, moderation, last[1]);
                    boards.put(sessionId, board);
                }
            }
            // the board first: whoever hears of the events may then find the pages' board up to date
            if (board != null) {
                live.publishBoard(board);
            }
            QaUpdate update = new QaUpdate(sessionId, publicEvents.events(), moderation.events());
            if (!update.isEmpty()) {
                live.publish(update);
            }
            if (moderation.events().size() == BATCH || publicEvents.events().size() == BATCH) {
                schedule(sessionId);
            }
        } catch (RuntimeException e) {
            log.error("Q&A fan-out failed for session {}; clients will catch up from the snapshot", sessionId, e);
        }
    }

    /** The board after this batch; read again whole when the batch does not follow on from it. */
    private LiveBoard advance(LiveBoard board, Batch moderation, long publicSeq) {
        boolean settingsChanged = moderation.events().stream().anyMatch(e -> QaEvent.SETTINGS.equals(e.type()));
        QaSettings settings = settingsChanged ? repository.settings(board.sessionId()) : board.settings();
        try {
            return board.apply(moderation.events(), moderation.authors(), settings, publicSeq);
        } catch (LiveBoard.GapException e) {
            log.warn("Q&A board of session {} fell behind ({}); reading it again", board.sessionId(), e.getMessage());
            return boardReader.read(board.sessionId());
        }
    }

    /** Events of one stream in seq order, and who asked each question they carry. */
    private record Batch(List<QaEvent> events, Map<Long, Long> authors) {
        static final Batch EMPTY = new Batch(List.of(), Map.of());
    }

    private Batch read(long sessionId, QaStream stream, long afterSeq) {
        List<QaRepository.EventRow> rows = repository.eventsAfter(sessionId, stream, afterSeq, BATCH);
        if (rows.isEmpty()) {
            return Batch.EMPTY;
        }
        Set<Long> questionIds = rows.stream().map(QaRepository.EventRow::questionId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        Map<Long, QaRepository.Authored> views = repository.authoredById(questionIds);
        Map<Long, Long> authors = new HashMap<>();
        List<QaEvent> events = new ArrayList<>(rows.size());
        for (QaRepository.EventRow row : rows) {
            QaRepository.Authored authored = row.questionId() == null ? null : views.get(row.questionId());
            QuestionView view = authored == null ? null : authored.view();
            if (authored != null && authored.authorId() != null) {
                authors.put(authored.view().id(), authored.authorId());
            }
            if (view != null && stream == QaStream.PUBLIC) {
                view = view.forPublic();
            }
            events.add(new QaEvent(sessionId, stream, row.seq(), row.type(), view,
                    row.votes()));
        }
        return new Batch(events, authors);
    }

}
