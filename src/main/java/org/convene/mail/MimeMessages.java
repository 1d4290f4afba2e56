package org.convene.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Turns an outbox row into the message on the wire: plain text and HTML as multipart/alternative in UTF-8, the
 * sender and reply address from {@link MailSettings}, RFC 8058 one-click unsubscribe headers for messages that
 * can be turned off, and a Message-ID made from the idempotency key, so the same row sent twice (a crash after
 * the server accepted it but before the row was marked sent) carries the same Message-ID and receivers can tell.
 */
final class MimeMessages {

    private MimeMessages() {
    }

    static void fill(MimeMessage message, DueMail mail, MailSettings settings, Instant now) throws MessagingException {
        InternetAddress from = settings.fromAddress();
        message.setFrom(from);
        InternetAddress replyTo = settings.replyToAddress();
        if (replyTo != null) {
            message.setReplyTo(new InternetAddress[]{replyTo});
        }
        InternetAddress to = new InternetAddress(mail.toAddress(), true);
        to.validate();
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(now));
        // Spring's JavaMailSenderImpl keeps a Message-ID that was set before it saves the message.
        message.setHeader("Message-ID", messageId(mail.idempotencyKey(), from));
        // RFC 3834: no out-of-office replies to a machine's messages
        message.setHeader("Auto-Submitted", "auto-generated");
        String unsubscribe = mail.unsubscribeUrl();
        if (unsubscribe != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        // multipart/alternative: the last part is the one preferred, so HTML after plain text
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
    }

    /**
     * The same for every attempt at one message: a hash of its idempotency key (which names people's ids, so it is
     * not shown as it is) at the sender's domain.
     */
    static String messageId(String idempotencyKey, InternetAddress from) {
        String address = from.getAddress();
        String domain = address.substring(address.indexOf('@') + 1);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<convene." + HexFormat.of().formatHex(hash, 0, 20) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
