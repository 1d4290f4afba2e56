package org.convene.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why one attempt to send failed, as a short class of error kept in {@code mail_outbox.last_error} and shown on the
 * outbox page, and whether trying again could help. The text never holds the address or the server's own words
 * (which often repeat the address): only the SMTP reply code and a name for the kind of problem.
 * <p>
 * Permanent: the server's 5xx reply, an address it refused, an address that is not one. Passing: a 4xx reply, no
 * connection, a time-out, a refused log-in (an operator can fix the settings), anything else.
 *
 * @param permanent true when sending the same message again cannot succeed
 * @param reason    a few words for the outbox page, at most {@link OutboxLimits#LAST_ERROR_MAX} characters
 */
public record MailFailure(boolean permanent, String reason) {

    /** The SMTP reply at the start of a mail exception's message ("550 5.1.1 ..."). */
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245]\\d\\d)[ \\-]");

    private static final String NO_CONNECTION = "could not connect to the mail server";
    private static final String NO_ANSWER = "the mail server did not answer in time";
    private static final String LOG_IN_REFUSED = "the mail server refused Convene's log-in";

    public MailFailure {
        if (reason.length() > OutboxLimits.LAST_ERROR_MAX) {
            reason = reason.substring(0, OutboxLimits.LAST_ERROR_MAX);
        }
    }

    public static MailFailure of(Throwable thrown) {
        Integer code = null;
        boolean refusedAddress = false;
        boolean badAddress = false;
        boolean authentication = false;
        boolean connection = false;
        boolean timeout = false;
        for (Throwable t : chain(thrown)) {
            Integer found = replyCode(t.getMessage());
            if (found != null && (code == null || found >= 500)) {
                code = found;
            }
            badAddress |= t instanceof AddressException || t instanceof MailParseException;
            refusedAddress |= t instanceof SendFailedException;
            authentication |= t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException;
            connection |= t instanceof ConnectException || t instanceof UnknownHostException
                    || t.getClass().getSimpleName().equals("MailConnectException");
            timeout |= t instanceof SocketTimeoutException;
        }
        if (badAddress) {
            return new MailFailure(true, "not a valid email address");
        }
        if (code != null && code >= 500) {
            return new MailFailure(true, "the mail server refused it for good (SMTP " + code + ")");
        }
        if (code != null && code >= 400) {
            return new MailFailure(false, "the mail server asked to try later (SMTP " + code + ")");
        }
        if (authentication) {
            return new MailFailure(false, LOG_IN_REFUSED);
        }
        if (timeout) {
            return new MailFailure(false, NO_ANSWER);
        }
        if (connection) {
            return new MailFailure(false, NO_CONNECTION);
        }
        if (refusedAddress) {
            return new MailFailure(true, "the mail server refused the address");
        }
        if (thrown instanceof MailPreparationException) {
            return new MailFailure(true, "the message could not be made");
        }
        return new MailFailure(false, "sending failed: " + root(thrown).getClass().getSimpleName());
    }

    /**
     * Whether the failure is the server's, not the message's (no connection, no answer, log-in refused): the next
     * message would fail the same way, so the sender stops trying for now instead of waiting out a time-out for each.
     */
    public boolean serverUnavailable() {
        return !permanent && (reason.equals(NO_CONNECTION) || reason.equals(NO_ANSWER) || reason.equals(LOG_IN_REFUSED));
    }

    private static @Nullable Integer replyCode(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher m = REPLY_CODE.matcher(message);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Every exception reachable from this one: causes, jakarta.mail's "next" ones, Spring's per-message ones. */
    private static Iterable<Throwable> chain(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(thrown);
        while (!todo.isEmpty() && seen.size() < 50) {
            Throwable t = todo.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t instanceof MailSendException m) {
                todo.addAll(m.getFailedMessages().values());
                for (Exception e : m.getMessageExceptions()) {
                    todo.add(e);
                }
            }
        }
        return seen;
    }

    private static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof MailException && t.getCause() == null ? thrown : t;
    }
}
