package org.convene.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    private static MailSettings from(String from) {
        return new MailSettings(from, null, null, 0, 0, 0, null);
    }

    @Test
    void the_sender_defaults_to_a_development_address() {
        assertThat(from(null).fromAddress().getAddress()).isEqualTo("no-reply@localhost");
        assertThat(from("Conference team <team@example.org>").fromAddress().getPersonal()).isEqualTo("Conference team");
    }

    @Test
    void a_sender_that_is_not_one_address_stops_the_start_with_what_to_set() {
        assertThatThrownBy(() -> from("not an address"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convene.mail.from (CONVENE_MAIL_FROM) must be one email address");
        assertThatThrownBy(() -> from("a@example.org, b@example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("a@example.org", "nobody", null, 0, 0, 0, null))
                .hasMessageContaining("convene.mail.reply-to");
    }

    @Test
    void retries_wait_longer_each_time_and_the_last_wait_repeats() {
        MailSettings settings = from(null);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 9).stream().map(settings::retryDelay).toList()).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6));
    }
}
