package org.convene.qa.api;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sends a WebSocket TEXT message whose UTF-8 bytes were made once for every subscriber of a public topic.
 * <p>
 * Why: the standard API only sends text as a String, and Tomcat then encodes it to UTF-8 again for each connection,
 * a character at a time, in pieces as large as its 2 KiB buffer, each piece a separate socket write and completion.
 * At 10,000 subscribers that per-connection encoding was most of the fan-out's CPU (docs/benchmarks.md). Tomcat's
 * own text path ends in a package-private {@code startMessage(opcode, bytes, last, handler)}; this calls the same
 * method with bytes encoded once, so the frame on the wire is the same TEXT message, written in one piece.
 * <p>
 * The bytes always come from {@code String.getBytes(UTF_8)}, so they are valid UTF-8 as a TEXT message must be.
 * The caller keeps one send in flight per connection (as it must for Tomcat's String path too), which is why
 * Tomcat's own check of that, its state machine, is not needed here. On any other container, or a Tomcat without
 * that method, {@link #of} falls back to the standard String send.
 * <p>
 * Where it can, it goes one step further and writes the frame to Tomcat's socket itself ({@link TomcatSocketFrames}),
 * so that a write the socket takes at once completes without a thread hand-off.
 */
final class EncodedTextSender {

    private static final Logger log = LoggerFactory.getLogger(EncodedTextSender.class);

    /** RFC 6455 opcode of a text frame. */
    private static final byte TEXT_OPCODE = 0x1;
    private static final String TOMCAT_ASYNC = "org.apache.tomcat.websocket.WsRemoteEndpointAsync";
    private static final String TOMCAT_SERVER_ENDPOINT = "org.apache.tomcat.websocket.server.WsRemoteEndpointImplServer";

    /** (RemoteEndpoint.Async) -> Tomcat's WsRemoteEndpointImplBase behind it; null when not found. */
    private static final @Nullable MethodHandle BASE;
    /** (WsRemoteEndpointImplBase, byte, ByteBuffer, boolean, SendHandler) -> void. */
    private static final @Nullable MethodHandle START_MESSAGE;
    /** (WsRemoteEndpointImplServer) -> its SocketWrapperBase; null when not found. */
    private static final @Nullable MethodHandle SOCKET;

    static {
        MethodHandle base = null;
        MethodHandle start = null;
        MethodHandle socket = null;
        try {
            Class<?> async = Class.forName(TOMCAT_ASYNC, false, RemoteEndpoint.class.getClassLoader());
            Class<?> wrapper = async.getSuperclass();
            Field baseField = wrapper.getDeclaredField("base");
            baseField.setAccessible(true);
            Class<?> impl = baseField.getType();
            Method startMessage = impl.getDeclaredMethod("startMessage", byte.class, ByteBuffer.class, boolean.class,
                    SendHandler.class);
            startMessage.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            base = lookup.unreflectGetter(baseField)
                    .asType(MethodType.methodType(Object.class, RemoteEndpoint.Async.class));
            start = lookup.unreflect(startMessage)
                    .asType(MethodType.methodType(void.class, Object.class, byte.class, ByteBuffer.class, boolean.class,
                            SendHandler.class));
        } catch (ReflectiveOperationException | RuntimeException notTomcat) {
            log.info("Public-topic frames are encoded per connection: {}", notTomcat.toString());
            base = null;
            start = null;
        }
        if (base != null) {
            try {
                Class<?> server = Class.forName(TOMCAT_SERVER_ENDPOINT, false, RemoteEndpoint.class.getClassLoader());
                Field socketField = server.getDeclaredField("socketWrapper");
                socketField.setAccessible(true);
                socket = MethodHandles.lookup().unreflectGetter(socketField)
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError noSocket) {
                log.info("Public-topic frames are written through Tomcat's WebSocket endpoint: {}", noSocket.toString());
                socket = null;
            }
        }
        BASE = base;
        START_MESSAGE = start;
        SOCKET = socket;
    }

    private final RemoteEndpoint.Async remote;
    /** Tomcat's endpoint behind {@link #remote}, or null to send Strings through the standard API. */
    private final @Nullable Object tomcat;
    /** Writes straight to Tomcat's socket; null when that cannot be used for this connection. */
    private final @Nullable TomcatSocketFrames socket;

    private EncodedTextSender(RemoteEndpoint.Async remote, @Nullable Object tomcat, @Nullable TomcatSocketFrames socket) {
        this.remote = remote;
        this.tomcat = tomcat;
        this.socket = socket;
    }

    static EncodedTextSender of(Session session) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        Object tomcat = null;
        TomcatSocketFrames socket = null;
        if (BASE != null && START_MESSAGE != null && remote.getClass().getName().equals(TOMCAT_ASYNC)) {
            try {
                tomcat = BASE.invoke(remote);
                if (SOCKET != null && tomcat != null && tomcat.getClass().getName().equals(TOMCAT_SERVER_ENDPOINT)) {
                    socket = TomcatSocketFrames.of(SOCKET.invoke(tomcat), session);
                }
            } catch (Throwable e) {
                socket = null;
            }
        }
        return new EncodedTextSender(remote, tomcat, socket);
    }

    /** Whether frames go out as encoded (Tomcat), not re-encoded from a String. */
    boolean sendsEncoded() {
        return tomcat != null;
    }

    /** Whether frames are written straight to Tomcat's socket, completing without a thread hand-off. */
    boolean writesToSocket() {
        return socket != null;
    }

    /**
     * Starts sending the bytes as one TEXT message; the handler hears when it is written. Each call gets its own
     * buffer over the shared bytes, because a write moves the buffer's position.
     */
    void send(byte[] utf8, SendHandler handler) {
        if (socket != null && socket.write(utf8, handler)) {
            return;
        }
        MethodHandle start = START_MESSAGE;
        if (tomcat == null || start == null) {
            remote.sendText(new String(utf8, StandardCharsets.UTF_8), handler);
            return;
        }
        try {
            start.invokeExact(tomcat, TEXT_OPCODE, ByteBuffer.wrap(utf8), true, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Sending a frame failed", e);
        }
    }
}
