package org.convene.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.MAIL_OUTBOX;

@IntegrationTest
class OutboxSenderTest {

    @RegisterExtension
    static final MailTestSupport mail = new MailTestSupport();

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRepository repository;
    @Autowired
    MailSettings settings;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        clock.reset();
        mail.startServer();
    }

    @Test
    void a_message_arrives_with_both_parts_its_headers_and_a_message_id_made_from_its_key() throws Exception {
        String to = address();
        String key = TestData.unique("test-delivered");
        enqueue(key, to, "https://convene.example.test/mail/unsubscribe/abc");

        mail.deliverDue();

        MimeMessage message = mail.onlyMessageTo(to);
        assertThat(message.getSubject()).isEqualTo("Your session starts soon – “Café & <friends>”");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(MailTestSupport.text(message)).contains("Join the session:\nhttps://convene.example.test/sessions/1/join");
        assertThat(MailTestSupport.html(message)).contains("<h1 style=\"font-size: 26px;\">Café &amp; &lt;friends&gt;</h1>");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@localhost");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Convene");
        assertThat(MailTestSupport.header(message, "List-Unsubscribe"))
                .isEqualTo("<https://convene.example.test/mail/unsubscribe/abc>");
        assertThat(MailTestSupport.header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(MailTestSupport.header(message, "Message-ID"))
                .isEqualTo(MimeMessages.messageId(key, settings.fromAddress()))
                .doesNotContain(key);
        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getSentAt()).isNotNull();
        assertThat(row.getLastError()).isNull();

        mail.deliverDue();
        assertThat(mail.messagesTo(to)).hasSize(1);
    }

    @Test
    void a_message_that_cannot_be_turned_off_has_no_unsubscribe_headers() {
        String to = address();
        enqueue(TestData.unique("test-plain"), to, null);

        mail.deliverDue();

        MimeMessage message = mail.onlyMessageTo(to);
        assertThat(MailTestSupport.header(message, "List-Unsubscribe")).isNull();
        assertThat(MailTestSupport.header(message, "List-Unsubscribe-Post")).isNull();
    }

    @Test
    void two_senders_at_the_same_time_deliver_each_message_once() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String to = address();
            addresses.add(to);
            enqueue(TestData.unique("test-race"), to, null);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<OutboxSender.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return mail.deliverDue();
                }));
            }
            for (Future<OutboxSender.Run> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (String to : addresses) {
            assertThat(mail.messagesTo(to)).as(to).hasSize(1);
        }
    }

    @Test
    void a_sender_skips_the_messages_another_sender_holds_and_sends_them_once_they_are_let_go() throws Exception {
        String to = address();
        String key = TestData.unique("test-held");
        enqueue(key, to, null);
        long id = row(key).getId();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // another node: locks the due rows in its own transaction (its own connection), then crashes
            Future<List<Long>> held = other.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                List<Long> ids = repository.claimDue(clock.instant(), 1000).stream().map(DueMail::id).toList();
                claimed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status.setRollbackOnly();
                return ids;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            mail.deliverDue();
            assertThat(mail.messagesTo(to)).isEmpty();
            assertThat(row(key).getState()).isEqualTo(MailState.PENDING);

            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS)).contains(id);
        } finally {
            other.shutdownNow();
        }

        mail.deliverDue();
        assertThat(mail.messagesTo(to)).hasSize(1);
        assertThat(row(key).getState()).isEqualTo(MailState.SENT);
    }

    @Test
    void a_server_that_is_down_leaves_the_message_pending_and_it_goes_once_the_back_off_has_passed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        mail.stopServer();
        String to = address();
        String key = TestData.unique("test-down");
        enqueue(key, to, null);

        deliverUntil(() -> row(key).getAttempts() == 1);

        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.PENDING);
        assertThat(row.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(row.getLastError()).isEqualTo("could not connect to the mail server");

        clock.advance(Duration.ofMinutes(1));
        deliverUntil(() -> row(key).getAttempts() == 2);
        row = row(key);
        assertThat(row.getAttempts()).isEqualTo(2);
        assertThat(row.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1 + 5)));

        mail.startServer();
        clock.advance(Duration.ofMinutes(4));
        mail.deliverDue();
        assertThat(mail.messagesTo(to)).as("not due yet").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        mail.deliverDue();
        mail.deliverDue();
        assertThat(mail.messagesTo(to)).hasSize(1);
        row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.SENT);
        assertThat(row.getAttempts()).isEqualTo(3);
        assertThat(row.getLastError()).isNull();
    }

    @Test
    void when_the_server_cannot_be_reached_every_due_message_counts_the_attempt_and_the_run_stops() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        mail.stopServer();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < settings.batchSize() * 2 + 1; i++) {
            String key = TestData.unique("test-unreachable");
            keys.add(key);
            enqueue(key, address(), null);
        }

        OutboxSender.Run run = mail.deliverDue();

        assertThat(run.sent()).isZero();
        assertThat(run.retried()).isEqualTo(settings.batchSize());
        // while the server is down a run handles one batch; later runs reach the rest
        deliverUntil(() -> keys.stream().allMatch(key -> row(key).getAttempts() >= 1));
        for (String key : keys) {
            assertThat(row(key).getState()).isEqualTo(MailState.PENDING);
            assertThat(row(key).getLastError()).isEqualTo("could not connect to the mail server");
        }
    }

    @Test
    void a_server_that_asks_to_try_later_leaves_the_message_pending() throws Exception {
        mail.stopServer();
        String key = TestData.unique("test-later");
        enqueue(key, address(), null);
        try (StubSmtpServer server = new StubSmtpServer("451 4.3.0 Try again later")) {
            mail.deliverDue();
            assertThat(server.recipientsRefused()).isPositive();
        }

        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.PENDING);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getLastError()).isEqualTo("the mail server asked to try later (SMTP 451)");
    }

    @Test
    void a_server_that_refuses_for_good_fails_the_message_at_once_and_it_is_not_tried_again() throws Exception {
        mail.stopServer();
        String to = address();
        String key = TestData.unique("test-refused");
        enqueue(key, to, null);
        try (StubSmtpServer server = new StubSmtpServer("550 5.1.1 <" + to + ">: no such user")) {
            mail.deliverDue();
            assertThat(server.recipientsRefused(to)).isEqualTo(1);

            clock.set(Instant.now().plus(Duration.ofDays(1)));
            mail.deliverDue();
            assertThat(server.recipientsRefused(to)).as("no second attempt").isEqualTo(1);
        }

        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.FAILED);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getLastError()).isEqualTo("the mail server refused it for good (SMTP 550)")
                .doesNotContain(to);
    }

    @Test
    void an_address_that_is_not_one_fails_at_once() {
        String key = TestData.unique("test-invalid");
        enqueue(key, "not an address", null);

        mail.deliverDue();

        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.FAILED);
        assertThat(row.getLastError()).isEqualTo("not a valid email address");
    }

    @Test
    void a_message_that_keeps_failing_is_given_up_after_the_last_attempt() {
        Instant now = Instant.now();
        clock.set(now);
        mail.stopServer();
        String key = TestData.unique("test-give-up");
        enqueue(key, address(), null);

        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            int expected = attempt;
            deliverUntil(() -> row(key).getAttempts() == expected);
            clock.advance(Duration.ofDays(1));
        }

        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.FAILED);
        assertThat(row.getAttempts()).isEqualTo(settings.maxAttempts());
        assertThat(row.getLastError())
                .isEqualTo("gave up after " + settings.maxAttempts() + " attempts: could not connect to the mail server");
    }

    @Test
    void without_a_mail_server_due_messages_are_kept_not_sent() {
        String to = address();
        String key = TestData.unique("test-kept");
        enqueue(key, to, null);
        OutboxSender noServer = new OutboxSender(repository, (org.springframework.mail.javamail.JavaMailSender) null,
                settings, clock, transactions);

        OutboxSender.Run run = noServer.deliverDue();

        assertThat(noServer.mailServerConfigured()).isFalse();
        assertThat(run.kept()).isPositive();
        var row = row(key);
        assertThat(row.getState()).isEqualTo(MailState.KEPT);
        assertThat(row.getLastError()).isEqualTo("not sent: no mail server is configured");
        mail.deliverDue();
        assertThat(mail.messagesTo(to)).isEmpty();
    }

    @Test
    void a_message_written_ahead_waits_for_its_time() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        String to = address();
        inTransaction(() -> outbox.enqueue(new OutgoingMail(TestData.unique("test-ahead"), "test", null, to,
                content(), null, now.plus(Duration.ofMinutes(15)))));

        mail.deliverDue();
        assertThat(mail.messagesTo(to)).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        mail.deliverDue();
        assertThat(mail.messagesTo(to)).hasSize(1);
    }

    @Test
    void a_rolled_back_transaction_enqueues_nothing() {
        String key = TestData.unique("test-rollback");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.enqueue(mailTo(key, address(), null));
            status.setRollbackOnly();
        });

        assertThat(db.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.IDEMPOTENCY_KEY.eq(key))).isFalse();
    }

    @Test
    void enqueueing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue(mailTo(TestData.unique("test-no-tx"), address(), null)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void the_same_key_twice_makes_one_message() {
        String key = TestData.unique("test-twice");
        String to = address();
        assertThat(inTransaction(() -> outbox.enqueue(mailTo(key, to, null)))).isTrue();
        assertThat(inTransaction(() -> outbox.enqueue(mailTo(key, to, null)))).isFalse();

        mail.deliverDue();
        assertThat(mail.messagesTo(to)).hasSize(1);
    }

    /**
     * Runs the sender until the condition holds. While the server is down a run stops after one batch, and the
     * shared database may hold other classes' due messages ahead of this test's, so one run may not reach them.
     */
    private void deliverUntil(java.util.function.BooleanSupplier done) {
        for (int run = 0; run < 100 && !done.getAsBoolean(); run++) {
            mail.deliverDue();
        }
        assertThat(done.getAsBoolean()).as("reached within 100 runs").isTrue();
    }

    private void enqueue(String key, String to, String unsubscribeUrl) {
        assertThat(inTransaction(() -> outbox.enqueue(mailTo(key, to, unsubscribeUrl)))).isTrue();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private OutgoingMail mailTo(String key, String to, String unsubscribeUrl) {
        return new OutgoingMail(key, "test", null, to, content(), unsubscribeUrl, clock.instant());
    }

    private static MailContent content() {
        return MailContent.builder("Your session starts soon – “Café & <friends>”")
                .heading("Café & <friends>")
                .paragraph("It starts in 15 minutes.")
                .action("Join the session", "https://convene.example.test/sessions/1/join")
                .why("You asked for reminders in your account.")
                .build();
    }

    private org.convene.db.tables.records.MailOutboxRecord row(String key) {
        return db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.IDEMPOTENCY_KEY.eq(key)).fetchSingle();
    }

    private static String address() {
        return TestData.unique("person") + "@mail.example";
    }
}
