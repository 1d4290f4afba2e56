package org.convene.account;

import org.jooq.DSLContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.convene.db.Tables.MAIL_OUTBOX;

/**
 * Reads the account messages Convene put in the outbox (mail_outbox), for tests: no mail server needed, since
 * what matters here is what was written in the transaction that caused it.
 */
@Component
public class AccountMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/account/(confirm|reset-password)/([A-Za-z0-9_-]+)");

    private final DSLContext db;

    AccountMail(DSLContext db) {
        this.db = db;
    }

    /** One message as the outbox holds it. */
    public record Message(String idempotencyKey, String kind, String to, String subject, String text, String html,
                          boolean unsubscribable) {

        /** The path of the one account link in the message ("/account/reset-password/abc..."). */
        public String linkPath() {
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No account link in: " + text);
            }
            return "/account/" + matcher.group(1) + "/" + matcher.group(2);
        }

        /** The token at the end of the link. */
        public String token() {
            String path = linkPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Every message to this address, oldest first. */
    public List<Message> to(String address) {
        return db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY, MAIL_OUTBOX.KIND, MAIL_OUTBOX.TO_ADDRESS, MAIL_OUTBOX.SUBJECT,
                        MAIL_OUTBOX.TEXT_BODY, MAIL_OUTBOX.HTML_BODY, MAIL_OUTBOX.UNSUBSCRIBE_URL.isNotNull())
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.TO_ADDRESS.eq(address))
                .orderBy(MAIL_OUTBOX.ID)
                .fetch(r -> new Message(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** Messages of one kind to this address, oldest first. */
    public List<Message> to(String address, String kind) {
        return to(address).stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** The newest message of this kind to the address; fails when there is none. */
    public Message last(String address, String kind) {
        List<Message> messages = to(address, kind);
        if (messages.isEmpty()) {
            throw new AssertionError("No " + kind + " message to " + address);
        }
        return messages.getLast();
    }

    /** Runs a call as if it came over HTTP from this client address (the per-client limits count it). */
    public static <T> T fromClient(String clientAddress, Supplier<T> call) {
        RequestAttributes before = RequestContextHolder.getRequestAttributes();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(clientAddress);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return call.get();
        } finally {
            if (before == null) {
                RequestContextHolder.resetRequestAttributes();
            } else {
                RequestContextHolder.setRequestAttributes(before);
            }
        }
    }
}
