package org.convene.qa.api;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;

/**
 * Writes a public-topic frame as one WebSocket TEXT frame straight to Tomcat's socket, so that a write the socket
 * takes at once completes on the writing thread.
 * <p>
 * Why: Tomcat's WebSocket send, asynchronous or not, hands every completion to a new task on its executor (the
 * specification asks for it, to keep a handler that sends again from recursing). With virtual threads that is a
 * new thread per write, and at 10,000 subscribers starting, scheduling and switching to those threads took a
 * seventh of the node's CPU (docs/benchmarks.md). {@link OutboundConnection} already carries on in a loop when a
 * completion arrives on the thread that wrote, so it needs no dispatch.
 * <p>
 * The socket's own write lock keeps whole frames apart: Tomcat's frames (a pong, its answer to a close) wait for
 * this one to finish and this one is not started while one of them is in flight ({@link #write} says so and the
 * caller sends through Tomcat instead). Only used when the connection negotiated no extension: with
 * permessage-deflate Tomcat compresses each frame, and that is Tomcat's to do. Frames written here are not counted in
 * Tomcat's per-connection statistics and do not mark the session active for an idle timeout (Convene sets none).
 */
final class TomcatSocketFrames implements CompletionHandler<Long, SendHandler> {

    /** FIN and the text opcode: a whole message in one frame. */
    private static final byte FIN_TEXT = (byte) 0x81;
    /** Lengths up to this fit in the first length byte (RFC 6455 5.2). */
    private static final int SEVEN_BIT_MAX = 125;
    private static final int SIXTEEN_BIT_MAX = 0xFFFF;

    private final SocketWrapperBase<?> socket;
    private final Session session;

    private TomcatSocketFrames(SocketWrapperBase<?> socket, Session session) {
        this.socket = socket;
        this.session = session;
    }

    /** A writer for the socket behind a Tomcat endpoint, or null when this path cannot be used for it. */
    static @Nullable TomcatSocketFrames of(@Nullable Object socketWrapper, Session session) {
        if (!(socketWrapper instanceof SocketWrapperBase<?> socket) || !socket.hasAsyncIO()
                || !session.getNegotiatedExtensions().isEmpty()) {
            return null;
        }
        return new TomcatSocketFrames(socket, session);
    }

    /**
     * Starts writing the bytes as one TEXT frame; the handler hears when they are written, on this thread when the
     * socket took them at once. Returns false, having written nothing, while a frame of Tomcat's own is being written.
     */
    boolean write(byte[] utf8, SendHandler handler) {
        CompletionState state = socket.write(BlockingMode.NON_BLOCK, -1, TimeUnit.MILLISECONDS, handler,
                SocketWrapperBase.COMPLETE_WRITE_WITH_COMPLETION, this, ByteBuffer.wrap(header(utf8.length)),
                ByteBuffer.wrap(utf8));
        return state != CompletionState.NOT_DONE;
    }

    /** A server's frame header (never masked) for a final TEXT frame of this many payload bytes. */
    static byte[] header(int payloadLength) {
        if (payloadLength <= SEVEN_BIT_MAX) {
            return new byte[] {FIN_TEXT, (byte) payloadLength};
        }
        if (payloadLength <= SIXTEEN_BIT_MAX) {
            return new byte[] {FIN_TEXT, 126, (byte) (payloadLength >>> 8), (byte) payloadLength};
        }
        byte[] header = new byte[10];
        header[0] = FIN_TEXT;
        header[1] = 127;
        long length = payloadLength;
        for (int i = 9; i >= 2; i--) {
            header[i] = (byte) length;
            length >>>= 8;
        }
        return header;
    }

    @Override
    public void completed(Long written, SendHandler handler) {
        handler.onResult(new SendResult(session));
    }

    @Override
    public void failed(Throwable failure, SendHandler handler) {
        handler.onResult(new SendResult(session, failure));
    }
}
