package org.convene.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MailFailureTest {

    @Test
    void a_5xx_reply_is_permanent_and_its_words_are_not_kept() {
        var refused = new MessagingException("550 5.1.1 <ada@example.test>: Recipient address rejected");
        var thrown = new MailSendException(Map.of("message", new SendFailedException("Invalid Addresses", refused)));

        MailFailure failure = MailFailure.of(thrown);

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).isEqualTo("the mail server refused it for good (SMTP 550)")
                .doesNotContain("ada@");
    }

    @Test
    void a_4xx_reply_is_worth_another_try_even_inside_a_refused_address() {
        var later = new MessagingException("451 4.7.1 Greylisted, try later");

        MailFailure failure = MailFailure.of(new SendFailedException("Invalid Addresses", later));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("the mail server asked to try later (SMTP 451)");
    }

    @Test
    void a_refused_address_without_a_code_is_permanent() {
        assertThat(MailFailure.of(new SendFailedException("Invalid Addresses")).permanent()).isTrue();
    }

    @Test
    void an_address_that_is_not_one_is_permanent() {
        MailFailure failure = MailFailure.of(new AddressException("Missing final '@domain'", "nobody"));

        assertThat(failure).isEqualTo(new MailFailure(true, "not a valid email address"));
    }

    @Test
    void no_connection_a_time_out_and_a_refused_log_in_are_passing() {
        var noConnection = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        var timeout = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        var login = new MailAuthenticationException("Authentication failed");

        assertThat(MailFailure.of(noConnection)).isEqualTo(new MailFailure(false, "could not connect to the mail server"));
        assertThat(MailFailure.of(timeout)).isEqualTo(new MailFailure(false, "the mail server did not answer in time"));
        assertThat(MailFailure.of(login)).isEqualTo(new MailFailure(false, "the mail server refused Convene's log-in"));
    }

    @Test
    void anything_else_is_passing_and_named_by_its_class_only() {
        MailFailure failure = MailFailure.of(new IllegalStateException("secret@example.test"));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("sending failed: IllegalStateException");
    }

    @Test
    void a_reason_never_exceeds_the_column() {
        assertThat(new MailFailure(false, "x".repeat(500)).reason()).hasSize(OutboxLimits.LAST_ERROR_MAX);
    }
}
