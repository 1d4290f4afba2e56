package org.convene.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) in the test JVM, on the port the test application sends to ({@link MailTestPort}),
 * and helpers to run the sender and read what arrived. In an {@code @IntegrationTest} class:
 * <pre>{@code
 * @RegisterExtension
 * static final MailTestSupport mail = new MailTestSupport();
 * ...
 * mail.deliverDue();                                  // the sender, once, with the app's (test) clock
 * MimeMessage m = mail.onlyMessageTo("ada@example.org");
 * MailTestSupport.text(m); MailTestSupport.html(m); MailTestSupport.header(m, "List-Unsubscribe");
 * }</pre>
 * The server starts before the class's tests and stops after them; it is emptied before each test. Tests share one
 * database, so {@link #deliverDue()} may also deliver messages other classes left PENDING: read by address.
 */
public class MailTestSupport implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private GreenMail server = newServer();
    private ApplicationContext context;

    @Override
    public void beforeAll(ExtensionContext extension) {
        startServer();
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
        if (server.isRunning()) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        stopServer();
    }

    /** Runs the application's sender once: everything due by the app's clock is sent (or retried, or failed). */
    public OutboxSender.Run deliverDue() {
        if (context == null) {
            throw new IllegalStateException("MailTestSupport runs in an @IntegrationTest class, registered with "
                    + "@RegisterExtension");
        }
        return context.getBean(OutboxSender.class).deliverDue();
    }

    /** Starts (again) the SMTP server on the test application's mail port. */
    public void startServer() {
        if (!server.isRunning()) {
            server = newServer();
            server.start();
        }
    }

    /** Stops the SMTP server: sends fail as they do when a mail server is down. */
    public void stopServer() {
        server.stop();
    }

    /** Every message received since the test began, in the order they arrived. */
    public List<MimeMessage> received() {
        return server.isRunning() ? Arrays.asList(server.getReceivedMessages()) : List.of();
    }

    /** The messages received for one address. */
    public List<MimeMessage> messagesTo(String address) {
        return received().stream().filter(m -> isTo(m, address)).toList();
    }

    /** The one message received for this address; fails when there is none or more than one. */
    public MimeMessage onlyMessageTo(String address) {
        List<MimeMessage> found = messagesTo(address);
        if (found.size() != 1) {
            throw new AssertionError("Expected one message to " + address + ", got " + found.size());
        }
        return found.getFirst();
    }

    /** The plain-text part, with line ends as the outbox has them (LF). */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part, with line ends as the outbox has them (LF). */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** A header's value (the first, if there are several), or null. */
    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a instanceof InternetAddress i && i.getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, String type) {
        try {
            if (!(message.getContent() instanceof Multipart multipart)) {
                throw new AssertionError("Not a multipart message: " + message.getContentType());
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    // SMTP carries lines ending in CRLF; the outbox wrote LF
                    return ((String) body.getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("No " + type + " part in " + message.getContentType());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail newServer() {
        return new GreenMail(new ServerSetup(MailTestPort.PORT, MailTestPort.HOST, ServerSetup.PROTOCOL_SMTP));
    }
}
