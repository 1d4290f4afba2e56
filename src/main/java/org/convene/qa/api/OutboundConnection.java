package org.convene.qa.api;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything written to one WebSocket connection, in order: Spring's own frames (receipts, errors, the moderation
 * topic) and the public-topic fan-out. Writes use the container's asynchronous send, one at a time (Tomcat refuses
 * a second send while one is in flight); the completion of one starts the next. So whoever enqueues never waits
 * for a socket, and a slow socket holds up only itself.
 * <p>
 * Public-topic frames queued behind a slow write are merged into one frame when they are finally written (every
 * event keeps its seq, so the client sees no difference). A connection that still falls too far behind loses its
 * oldest public frames (it sees a gap in seq and reloads the snapshot, docs/api.md); one that stays behind for
 * long is closed with a reason.
 */
final class OutboundConnection extends WebSocketSessionDecorator implements SendHandler {

    private static final Logger log = LoggerFactory.getLogger(OutboundConnection.class);

    /**
     * About five seconds of frames at the fastest pace a topic sends (a question's frame every 50 ms, vote counts every
     * 200 ms): a reader that stalls for a moment catches up from merged frames, not from a snapshot. Only references
     * to shared bytes are queued.
     */
    static final int MAX_QUEUED_PUBLIC_FRAMES = 128;
    /** Spring's frames are never dropped (a lost receipt would hang a client), but they are bounded too. */
    static final int MAX_QUEUED_OTHER_FRAMES = 1_000;
    /** A merged frame stays well under what a browser or a STOMP client is happy to take in one message. */
    static final int MERGE_LIMIT_BYTES = 64 * 1024;
    static final long FAR_BEHIND_NANOS = 15_000_000_000L;
    /** A write still in flight after this long is given up on and the connection closed ({@link #abandonIfStalled}). */
    static final long SEND_TIMEOUT_NANOS = 20_000_000_000L;
    /** Caps Tomcat's blocking sends on this connection (its close frame): a stuck client must not hold a thread. */
    private static final long BLOCKING_SEND_TIMEOUT_MILLIS = 2_000;

    static final CloseStatus TOO_SLOW = new CloseStatus(1008,
            "Too slow to keep up with the live questions: reconnect and reload the snapshot");

    private final RemoteEndpoint.@Nullable Async remote;
    /** Writes the public frames' shared bytes; null exactly when {@link #remote} is. */
    private final @Nullable EncodedTextSender encodedSender;
    private final Executor closer;
    private final Object lock = new Object();
    /** TextMessage/BinaryMessage from Spring, a public {@link Delivery}, or a {@link Close} after them. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>(2);
    private int queuedPublic;
    private boolean sending;
    /** The thread inside a send call: a completion on it arrives inline, and that thread's loop goes on. */
    private @Nullable Thread writingThread;
    private boolean finished;
    private long behindSince;
    /** When the write in flight started. */
    private long sendingSince;

    /**
     * One public-topic frame for one subscription of this connection.
     *
     * @param encoded the whole frame as UTF-8, shared with every subscriber that uses the same subscription id
     */
    record Delivery(PublicFrame frame, String subscriptionId, byte[] encoded) {
    }

    private record Close(CloseStatus status) {
    }

    OutboundConnection(WebSocketSession session, Executor closer) {
        super(session);
        this.closer = closer;
        jakarta.websocket.Session nativeSession = nativeSession(session);
        this.remote = nativeSession == null ? null : nativeSession.getAsyncRemote();
        this.encodedSender = nativeSession == null ? null : EncodedTextSender.of(nativeSession);
    }

    private static jakarta.websocket.@Nullable Session nativeSession(WebSocketSession session) {
        if (WebSocketSessionDecorator.unwrap(session) instanceof StandardWebSocketSession standard
                && standard.getNativeSession() != null) {
            jakarta.websocket.Session nativeSession = standard.getNativeSession();
            nativeSession.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", BLOCKING_SEND_TIMEOUT_MILLIS);
            // No container send timeout: Tomcat's adds every write to a sorted set shared by all connections and
            // removes it again (an eighth of the fan-out's writing at 10,000 subscribers); abandonIfStalled, called
            // every few seconds, gives up on a stalled write instead.
            return nativeSession;
        }
        return null;
    }

    /** Spring's writes: queued behind whatever is being written, never dropped. */
    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (remote == null) {
            super.sendMessage(message);
            return;
        }
        boolean tooMany;
        synchronized (lock) {
            if (finished) {
                throw new IOException("The connection is closed");
            }
            tooMany = queue.size() - queuedPublic >= MAX_QUEUED_OTHER_FRAMES;
            if (!tooMany) {
                queue.add(message);
            }
        }
        if (tooMany) {
            abandon(TOO_SLOW);
            throw new IOException("The connection fell too far behind and is being closed");
        }
        pump();
    }

    /**
     * Writes a last frame (a STOMP ERROR) after those already queued, then closes. Spring's own path for an ERROR
     * closes its session wrapper at once, which drops the ERROR if another thread is still writing an earlier frame.
     */
    void sendThenClose(TextMessage last, CloseStatus status) throws IOException {
        if (remote == null) {
            super.sendMessage(last);
            super.close(status);
            return;
        }
        synchronized (lock) {
            if (finished) {
                return;
            }
            queue.add(last);
            queue.add(new Close(status));
        }
        pump();
    }

    /** Closes after the frames already queued (an ERROR frame must reach the client before the close). */
    @Override
    public void close(CloseStatus status) throws IOException {
        if (remote == null) {
            super.close(status);
            return;
        }
        synchronized (lock) {
            if (finished) {
                return;
            }
            queue.add(new Close(status));
        }
        pump();
    }

    @Override
    public void close() throws IOException {
        close(CloseStatus.NORMAL);
    }

    /**
     * Queues a public-topic frame. Returns whether the connection is idle and needs a {@link #pump()} to start
     * writing; the caller decides on which thread.
     */
    boolean offer(Delivery delivery) {
        boolean abandon = false;
        synchronized (lock) {
            if (finished || remote == null) {
                return false;
            }
            if (queuedPublic >= MAX_QUEUED_PUBLIC_FRAMES) {
                dropOldestPublic();
                abandon = System.nanoTime() - behindSince > FAR_BEHIND_NANOS;
            }
            if (!abandon) {
                if (queue.isEmpty() && !sending) {
                    behindSince = System.nanoTime();
                }
                queue.add(delivery);
                queuedPublic++;
                return !sending;
            }
        }
        abandon(TOO_SLOW);
        return false;
    }

    private void dropOldestPublic() {
        for (var it = queue.iterator(); it.hasNext(); ) {
            if (it.next() instanceof Delivery) {
                it.remove();
                queuedPublic--;
                return;
            }
        }
    }

    /** Writes the next queued frame unless one is in flight. Safe to call from any thread, any number of times. */
    void pump() {
        while (true) {
            Object next;
            List<Delivery> merged = null;
            synchronized (lock) {
                if (sending || finished || queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                if (next instanceof Delivery first) {
                    queuedPublic--;
                    merged = takeMergeable(first);
                }
                sending = true;
                sendingSince = System.nanoTime();
                writingThread = Thread.currentThread();
            }
            try {
                write(next, merged);
            } catch (RuntimeException | IOException e) {
                failed(e);
                return;
            } finally {
                synchronized (lock) {
                    if (writingThread == Thread.currentThread()) {
                        writingThread = null;
                    }
                }
            }
            // if the send completed inline, sending is false again and this loop writes the next frame;
            // otherwise the completion, on a container thread, carries on
        }
    }

    /** The public frames right behind the first for the same subscription, while the merged frame stays small. */
    private @Nullable List<Delivery> takeMergeable(Delivery first) {
        if (!(queue.peek() instanceof Delivery second) || !second.subscriptionId().equals(first.subscriptionId())
                || second.frame().sessionId() != first.frame().sessionId()) {
            return null;
        }
        List<Delivery> merged = new ArrayList<>();
        merged.add(first);
        int size = first.frame().eventsLength();
        while (queue.peek() instanceof Delivery d && d.subscriptionId().equals(first.subscriptionId())
                && d.frame().sessionId() == first.frame().sessionId()
                && size + d.frame().eventsLength() < MERGE_LIMIT_BYTES) {
            size += d.frame().eventsLength();
            merged.add(d);
            queue.poll();
            queuedPublic--;
        }
        return merged;
    }

    private void write(Object next, @Nullable List<Delivery> merged) throws IOException {
        RemoteEndpoint.Async remote = Objects.requireNonNull(this.remote, "frames are queued only with a remote");
        EncodedTextSender encoded = Objects.requireNonNull(encodedSender, "made with the remote");
        switch (next) {
            case Delivery d when merged == null -> encoded.send(d.encoded(), this);
            case Delivery d -> encoded.send(
                    PublicFrame.merged(merged.stream().map(Delivery::frame).toList(), d.subscriptionId()), this);
            case TextMessage text -> remote.sendText(text.getPayload(), this);
            case BinaryMessage binary -> remote.sendBinary(binary.getPayload(), this);
            case Close close -> {
                synchronized (lock) {
                    finished = true;
                    queue.clear();
                }
                getDelegate().close(close.status());
            }
            case WebSocketMessage<?> other -> {
                // pings and pongs: rare, tiny, and not in flight together with anything (sending is held)
                getDelegate().sendMessage(other);
                completed();
            }
            default -> throw new IllegalStateException("Unexpected outbound item " + next.getClass());
        }
    }

    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            failed(result.getException());
            return;
        }
        completed();
    }

    private void completed() {
        boolean inline;
        synchronized (lock) {
            sending = false;
            inline = writingThread == Thread.currentThread();
            if (queue.isEmpty()) {
                behindSince = System.nanoTime();
            }
        }
        if (!inline) {
            pump();
        }
    }

    private void failed(Throwable e) {
        log.debug("Writing to connection {} failed: {}", getId(), String.valueOf(e));
        abandon(CloseStatus.SESSION_NOT_RELIABLE);
    }

    /**
     * Gives up on the connection: nothing more is written, and it is closed on another thread, because closing
     * writes a close frame that may wait behind a send that never completes.
     */
    private void abandon(CloseStatus status) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            queue.clear();
            queuedPublic = 0;
        }
        if (status == TOO_SLOW) {
            log.info("Closing connection {}: it could not keep up with the frames sent to it", getId());
        }
        Runnable close = () -> {
            try {
                getDelegate().close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing connection {} failed: {}", getId(), e.toString());
            }
        };
        try {
            closer.execute(close);
        } catch (RuntimeException rejected) {
            close.run();
        }
    }

    /**
     * Closes the connection if its write in flight started more than {@link #SEND_TIMEOUT_NANOS} before
     * {@code nowNanos} ({@link System#nanoTime()}): a client that stopped reading.
     */
    void abandonIfStalled(long nowNanos) {
        boolean stalled;
        synchronized (lock) {
            stalled = sending && !finished && nowNanos - sendingSince > SEND_TIMEOUT_NANOS;
        }
        if (stalled) {
            abandon(TOO_SLOW);
        }
    }

    /** The container has closed the connection: drop whatever is still queued. */
    void discard() {
        synchronized (lock) {
            finished = true;
            queue.clear();
            queuedPublic = 0;
        }
    }

    /** For tests: whether public frames leave as the bytes encoded once for every subscriber. */
    boolean sendsEncoded() {
        return encodedSender != null && encodedSender.sendsEncoded();
    }

    /** For tests: whether public frames are written straight to the socket, completing on the writing thread. */
    boolean writesToSocket() {
        return encodedSender != null && encodedSender.writesToSocket();
    }

    /** For tests and diagnostics: frames waiting to be written. */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }
}
