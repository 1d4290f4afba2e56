package org.convene.qa.api;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
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
 */
final class EncodedTextSender {

    private static final Logger log = LoggerFactory.getLogger(EncodedTextSender.class);

    /** RFC 6455 opcode of a text frame. */
    private static final byte TEXT_OPCODE = 0x1;
    private static final String TOMCAT_ASYNC = "org.apache.tomcat.websocket.WsRemoteEndpointAsync";

    /** (RemoteEndpoint.Async) -> Tomcat's WsRemoteEndpointImplBase behind it; null when not found. */
    private static final @Nullable MethodHandle BASE;
    /** (WsRemoteEndpointImplBase, byte, ByteBuffer, boolean, SendHandler) -> void. */
    private static final @Nullable MethodHandle START_MESSAGE;

    static {
        MethodHandle base = null;
        MethodHandle start = null;
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
        BASE = base;
        START_MESSAGE = start;
    }

    private final RemoteEndpoint.Async remote;
    /** Tomcat's endpoint behind {@link #remote}, or null to send Strings through the standard API. */
    private final @Nullable Object tomcat;

    private EncodedTextSender(RemoteEndpoint.Async remote, @Nullable Object tomcat) {
        this.remote = remote;
        this.tomcat = tomcat;
    }

    static EncodedTextSender of(RemoteEndpoint.Async remote) {
        Object tomcat = null;
        if (BASE != null && START_MESSAGE != null && remote.getClass().getName().equals(TOMCAT_ASYNC)) {
            try {
                tomcat = BASE.invoke(remote);
            } catch (Throwable e) {
                tomcat = null;
            }
        }
        return new EncodedTextSender(remote, tomcat);
    }

    /** Whether frames go out as encoded (Tomcat), not re-encoded from a String. */
    boolean sendsEncoded() {
        return tomcat != null;
    }

    /**
     * Starts sending the bytes as one TEXT message; the handler hears when it is written. Each call gets its own
     * buffer over the shared bytes, because a write moves the buffer's position.
     */
    void send(byte[] utf8, SendHandler handler) {
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
