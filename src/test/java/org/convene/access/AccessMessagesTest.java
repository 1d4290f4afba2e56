package org.convene.access;

import org.convene.mail.MailContent;
import org.convene.programme.AccessFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AccessMessagesTest {

    @Test
    void a_withdrawal_says_what_is_no_longer_offered_or_confirmed_in_plain_words() {
        assertThat(AccessMessages.withdrawnSentence(AccessFeature.LIVE_CAPTIONS, Withdrawal.Kind.NO_LONGER_OFFERED))
                .isEqualTo("Live captions are no longer offered for this session.");
        assertThat(AccessMessages.withdrawnSentence(AccessFeature.BSL_INTERPRETATION,
                Withdrawal.Kind.NO_LONGER_CONFIRMED)).isEqualTo("British Sign Language (BSL) interpretation is no "
                + "longer confirmed for this session. The hosts are still working on it.");
    }

    @Test
    void the_email_names_the_session_its_time_in_uk_time_the_need_and_why_it_came() {
        MailContent mail = AccessMessages.withdrawn("Caring at home", AccessFeature.LIVE_CAPTIONS,
                Withdrawal.Kind.NO_LONGER_OFFERED, Instant.parse("2033-11-22T10:00:00Z"),
                Instant.parse("2033-11-22T11:00:00Z"), ZoneId.of("Europe/London"),
                "https://convene.example.test/sessions/5", "https://convene.example.test/mail/unsubscribe/x");

        assertThat(mail.subject()).isEqualTo("Access change: Caring at home");
        assertThat(mail.text()).contains("Live captions are no longer offered for this session.")
                .contains("Tuesday 22 November 2033, 10am to 11am (UK time)")
                .contains("Access you need: Live captions")
                .contains(AccessMessages.WHY)
                .contains("https://convene.example.test/sessions/5");
    }

    @Test
    void only_leaving_confirmed_takes_a_promise_back() {
        assertThat(Withdrawal.takesBackPromise(ArrangementState.CONFIRMED, ArrangementState.BOOKED)).isTrue();
        assertThat(Withdrawal.takesBackPromise(ArrangementState.CONFIRMED, ArrangementState.REQUESTED)).isTrue();
        assertThat(Withdrawal.takesBackPromise(ArrangementState.CONFIRMED, ArrangementState.CONFIRMED)).isFalse();
        assertThat(Withdrawal.takesBackPromise(ArrangementState.BOOKED, ArrangementState.REQUESTED)).isFalse();
    }
}
