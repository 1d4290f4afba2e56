package org.convene.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that answers every recipient with one fixed reply ("550 5.1.1 No such user", "451 4.3.0 Try
 * later"), for the failures GreenMail does not make. It listens on the test application's mail port, so GreenMail
 * must be stopped meanwhile.
 */
final class StubSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final Thread thread;

    StubSmtpServer(String recipientReply) throws IOException {
        this.recipientReply = recipientReply;
        this.socket = new ServerSocket(MailTestPort.PORT, 5, InetAddress.getByName(MailTestPort.HOST));
        this.thread = Thread.ofPlatform().name("stub-smtp").daemon().start(this::serve);
    }

    /** How many RCPT commands it refused. */
    int recipientsRefused() {
        return recipients.size();
    }

    /** How many RCPT commands for this address it refused (other tests' messages may be sent here too). */
    int recipientsRefused(String address) {
        return (int) recipients.stream().filter(line -> line.contains("<" + address + ">")).count();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // closed by close(), or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 stub.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 stub.test");
                case "MAIL" -> reply(out, "250 2.1.0 Ok");
                case "RCPT" -> {
                    recipients.add(line);
                    reply(out, recipientReply);
                }
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(2000);
    }
}
