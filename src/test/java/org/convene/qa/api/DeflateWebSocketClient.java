package org.convene.qa.api;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket client on a plain socket that asks for permessage-deflate, as browsers do (the JDK's client never
 * does), and reads text messages whether they arrive compressed or not (RFC 7692).
 */
final class DeflateWebSocketClient implements AutoCloseable {

    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Inflater inflater = new Inflater(true);
    /** The server's Sec-WebSocket-Extensions answer, empty when it agreed to none. */
    final String negotiatedExtensions;
    int compressedMessages;

    DeflateWebSocketClient(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String extensions = "";
        String status = readLine();
        if (!status.contains(" 101 ")) {
            throw new IOException("No upgrade: " + status);
        }
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            if (line.toLowerCase().startsWith("sec-websocket-extensions:")) {
                extensions = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        negotiatedExtensions = extensions;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Closed during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one STOMP frame (the NUL is added here) as an uncompressed, masked TEXT message. */
    void send(String frameWithoutNul) throws IOException {
        byte[] payload = (frameWithoutNul + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length <= 125) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next whole text message (fragments joined, inflated when the server compressed it). */
    String nextText() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean compressed = false;
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            if (opcode >= 0x8) {
                continue; // control frames may come between fragments
            }
            if (opcode == 0x1) {
                compressed = (first & 0x40) != 0;
            }
            message.write(payload);
            if ((first & 0x80) != 0) {
                break;
            }
        }
        if (!compressed) {
            return message.toString(StandardCharsets.UTF_8);
        }
        compressedMessages++;
        message.write(DEFLATE_TAIL);
        inflater.setInput(message.toByteArray());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = inflater.inflate(chunk)) > 0) {
                text.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("Not a deflate stream", e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The next text message whose STOMP command is the given one, skipping heartbeats and others. */
    String next(String command) throws IOException {
        while (true) {
            String text = nextText();
            if (text.startsWith(command + "\n")) {
                return text;
            }
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        socket.close();
    }
}
