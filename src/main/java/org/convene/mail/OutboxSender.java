package org.convene.mail;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers the outbox. Each batch is one transaction: it locks up to {@code convene.mail.batch-size} due rows
 * ({@code FOR UPDATE SKIP LOCKED}, so senders on several nodes never hold the same row), sends each over SMTP and
 * records the outcome before committing. A crash or {@code kill -9} during a batch rolls it back, so its rows stay
 * PENDING and are sent again: delivery is at least once, never lost. A message the server accepted just before
 * the crash may arrive twice, with the same Message-ID (docs/email.md).
 * <p>
 * Without a mail server ({@code spring.mail.host} unset, so no {@link JavaMailSender}) due messages are marked KEPT:
 * they stay readable on the outbox page.
 * <p>
 * Runs every {@code convene.mail.poll-interval} ({@link OutboxSchedule}); tests call {@link #deliverDue()}.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final @Nullable JavaMailSender smtp;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    @Autowired
    OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> smtp, MailSettings settings, Clock clock,
                 PlatformTransactionManager transactions) {
        this(outbox, smtp.getIfAvailable(), settings, clock, transactions);
    }

    /** Also for tests that need a sender without a mail server next to the configured one. */
    OutboxSender(OutboxRepository outbox, @Nullable JavaMailSender smtp, MailSettings settings, Clock clock,
                 PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether a mail server is configured, so messages go out rather than being kept. */
    public boolean mailServerConfigured() {
        return smtp != null;
    }

    /** What one run did. */
    public record Run(int sent, int retried, int failed, int kept) {
        public int handled() {
            return sent + retried + failed + kept;
        }
    }

    /**
     * Sends what is due now, batch after batch, until nothing is due (or {@code convene.mail.max-per-run} were
     * handled). A message that fails and is due again at once (a zero retry delay) waits for the next run.
     */
    public Run deliverDue() {
        Run total = new Run(0, 0, 0, 0);
        while (total.handled() < settings.maxPerRun()) {
            int limit = Math.min(settings.batchSize(), settings.maxPerRun() - total.handled());
            Batch batch = Objects.requireNonNull(transaction.execute(status -> deliverBatch(limit)),
                    "a batch always answers");
            Run done = batch.run();
            total = new Run(total.sent() + done.sent(), total.retried() + done.retried(),
                    total.failed() + done.failed(), total.kept() + done.kept());
            if (done.handled() < limit || batch.serverUnavailable()) {
                break;
            }
        }
        return total;
    }

    /** One transaction's work, and whether the server could not be reached (the run then stops for now). */
    private record Batch(Run run, boolean serverUnavailable) {
    }

    private Batch deliverBatch(int limit) {
        Instant now = clock.instant();
        JavaMailSender server = smtp;
        if (server == null) {
            int kept = outbox.keepDue(now, limit);
            if (kept > 0) {
                log.info("Kept {} due email messages: no mail server is configured (spring.mail.host)", kept);
            }
            return new Batch(new Run(0, 0, 0, kept), false);
        }
        int sent = 0;
        int retried = 0;
        int failed = 0;
        MailFailure unavailable = null;
        for (DueMail mail : outbox.claimDue(now, limit)) {
            // once the server is unreachable, the rest of the batch counts the same failed attempt without each
            // waiting out its own time-out while the batch holds its row locks
            MailFailure failure = unavailable != null ? unavailable : send(server, mail, now);
            if (failure == null) {
                outbox.markSent(mail.id(), now);
                log.info("Sent email {} ({})", mail.id(), mail.kind());
                sent++;
                continue;
            }
            if (failure.serverUnavailable()) {
                unavailable = failure;
            }
            if (failed(mail, failure, now) == MailState.PENDING) {
                retried++;
            } else {
                failed++;
            }
        }
        return new Batch(new Run(sent, retried, failed, 0), unavailable != null);
    }

    /** @return null when the server accepted the message, else why not */
    private @Nullable MailFailure send(JavaMailSender server, DueMail mail, Instant now) {
        try {
            MimeMessage message = server.createMimeMessage();
            MimeMessages.fill(message, mail, settings, now);
            server.send(message);
            return null;
        } catch (Exception e) {
            // the exception's text may hold the address, so only its class of error is logged and kept
            return MailFailure.of(e);
        }
    }

    private MailState failed(DueMail mail, MailFailure failure, Instant now) {
        int attempts = mail.attempts() + 1;
        if (failure.permanent() || attempts >= settings.maxAttempts()) {
            String reason = failure.permanent() ? failure.reason()
                    : "gave up after " + attempts + " attempts: " + failure.reason();
            outbox.markFailedAttempt(mail.id(), new MailFailure(true, reason).reason(), null);
            log.warn("Email {} ({}) failed for good after {} attempts: {}", mail.id(), mail.kind(), attempts,
                    failure.reason());
            return MailState.FAILED;
        }
        Instant next = now.plus(settings.retryDelay(attempts));
        outbox.markFailedAttempt(mail.id(), failure.reason(), next);
        log.info("Email {} ({}) not sent on attempt {}, next try at {}: {}", mail.id(), mail.kind(), attempts, next,
                failure.reason());
        return MailState.PENDING;
    }
}
