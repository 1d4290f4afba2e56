package org.convene.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Many read-only STOMP subscribers on plain sockets and one selector thread: each connection costs the load generator
 * a read and a scan of its bytes, not the JDK WebSocket client's per-message decoding, copying and hand-offs.
 * <p>
 * Why: at 10,000 subscribers the JDK client alone needed 260 to 350 ms of the generator's core to read one frame on
 * every connection (docs/benchmarks.md), more than the 250 ms the fan-out is measured against.
 * <p>
 * Each connection does the WebSocket handshake (RFC 6455) and sends its STOMP frames blocking, on the caller's
 * thread; then it only reads. The server's frames are unmasked; messages are decoded as ISO-8859-1, which keeps every
 * byte as one character: what the benchmark looks for (commands, headers, "seq", the question marker) is ASCII, so it
 * finds it exactly as in the UTF-8 text.
 */
final class SocketSubscribers implements AutoCloseable {

    private static final int OP_CONTINUATION = 0x0, OP_TEXT = 0x1, OP_BINARY = 0x2, OP_CLOSE = 0x8;

    private final Selector selector;
    private final Thread loop;
    private final ConcurrentLinkedQueue<Connection> joining = new ConcurrentLinkedQueue<>();
    private final List<Connection> all = new ArrayList<>();
    /** Bytes read and not yet handled, of whichever connection the loop is reading. */
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private volatile boolean closing;

    SocketSubscribers() throws IOException {
        selector = Selector.open();
        loop = Thread.ofPlatform().name("socket-subscribers").daemon().start(this::readLoop);
    }

    /**
     * Connects, upgrades to WebSocket and sends each of {@code stompFrames} (with their NUL) as a text message; every
     * STOMP frame the server sends afterwards goes to {@code frames}, on the selector thread.
     */
    void open(URI ws, List<String> stompFrames, Consumer<String> frames) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(ws.getHost(), ws.getPort()));
        channel.socket().setTcpNoDelay(true);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        writeFully(channel, ("GET " + ws.getRawPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] afterHeaders = readUpgradeResponse(channel);
        for (String frame : stompFrames) {
            writeFully(channel, masked(frame.getBytes(StandardCharsets.UTF_8)));
        }
        channel.configureBlocking(false);
        joining.add(new Connection(channel, frames, afterHeaders));
        selector.wakeup();
    }

    /** Reads the 101 response's headers; returns whatever came after them (the first frames, if any). */
    private static byte[] readUpgradeResponse(SocketChannel channel) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(4096);
        while (true) {
            if (channel.read(in) < 0 || !in.hasRemaining()) {
                throw new IOException("The server closed the connection or sent too long a response to the upgrade");
            }
            String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (!head.startsWith("HTTP/1.1 101")) {
                    throw new IOException("The server refused the WebSocket upgrade: " + head.lines().findFirst().orElse(""));
                }
                return Arrays.copyOfRange(in.array(), end + 4, in.position());
            }
        }
    }

    /** A client's frame must be masked (RFC 6455, 5.3). */
    private static byte[] masked(byte[] payload) {
        int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        byte[] out = new byte[header + 4 + payload.length];
        out[0] = (byte) (0x80 | OP_TEXT);
        if (payload.length < 126) {
            out[1] = (byte) (0x80 | payload.length);
        } else if (payload.length < 65536) {
            out[1] = (byte) (0x80 | 126);
            out[2] = (byte) (payload.length >>> 8);
            out[3] = (byte) payload.length;
        } else {
            out[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, out, header, 4);
        for (int i = 0; i < payload.length; i++) {
            out[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return out;
    }

    private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private void readLoop() {
        try {
            while (!closing) {
                selector.select();
                for (Connection joined; (joined = joining.poll()) != null; ) {
                    joined.channel.register(selector, SelectionKey.OP_READ, joined);
                    all.add(joined);
                    ByteBuffer first = ByteBuffer.wrap(joined.pending);
                    joined.handle(first);
                    joined.pending = joined.leftover(first);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).readable(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                System.err.println("socket subscribers stopped reading: " + e);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(5000);
            for (Connection connection : all) {
                connection.channel.close();
            }
            selector.close();
        } catch (IOException | InterruptedException e) {
            // closing at the end of a run: nothing more to measure
        }
    }

    private final class Connection {
        final SocketChannel channel;
        final Consumer<String> frames;
        /** Bytes of a WebSocket frame not yet complete. */
        byte[] pending;
        /** Payload of a fragmented message so far, and the STOMP text after the last NUL. */
        final StringBuilder message = new StringBuilder();

        Connection(SocketChannel channel, Consumer<String> frames, byte[] pending) {
            this.channel = channel;
            this.frames = frames;
            this.pending = pending;
        }

        void readable(SelectionKey key) throws IOException {
            buffer.clear();
            buffer.put(pending);
            int read = channel.read(buffer);
            if (read < 0) {
                key.cancel();
                channel.close();
                return;
            }
            buffer.flip();
            handle(buffer);
            pending = leftover(buffer);
        }

        byte[] leftover(ByteBuffer in) {
            return in.hasRemaining() ? Arrays.copyOfRange(in.array(), in.arrayOffset() + in.position(),
                    in.arrayOffset() + in.limit()) : NONE;
        }

        /** Handles every complete WebSocket frame in {@code in}, leaving its position at the first incomplete one. */
        void handle(ByteBuffer in) throws IOException {
            byte[] bytes = in.array();
            while (in.remaining() >= 2) {
                int at = in.arrayOffset() + in.position();
                int first = bytes[at] & 0xFF, second = bytes[at + 1] & 0xFF;
                int header = 2;
                long length = second & 0x7F;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        return;
                    }
                    length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        return;
                    }
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | (bytes[at + 2 + i] & 0xFF);
                    }
                    header = 10;
                }
                if ((second & 0x80) != 0 || length > buffer.capacity() / 2) {
                    throw new IOException("Unexpected frame from the server: masked or " + length + " bytes");
                }
                if (in.remaining() < header + length) {
                    return;
                }
                int opcode = first & 0x0F;
                if (opcode == OP_TEXT || opcode == OP_CONTINUATION || opcode == OP_BINARY) {
                    message.append(new String(bytes, at + header, (int) length, StandardCharsets.ISO_8859_1));
                    if ((first & 0x80) != 0) {
                        stompFrames();
                    }
                } else if (opcode == OP_CLOSE) {
                    channel.close();
                    return;
                }
                in.position(in.position() + header + (int) length);
            }
        }

        /** Hands on each NUL-terminated STOMP frame of the message; keeps the rest for the next. */
        private void stompFrames() {
            String text = message.toString();
            message.setLength(0);
            int start = 0;
            for (int end = text.indexOf('\0'); end >= 0; end = text.indexOf('\0', start)) {
                frames.accept(text.substring(start, end));
                start = end + 1;
            }
            message.append(text, start, text.length());
        }
    }

    private static final byte[] NONE = new byte[0];
}
