package org.convene.account;

import org.convene.mail.MailContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMessagesTest {

    private static final String LINK = "https://convene.example.org/account/confirm/abc";

    @Test
    void every_account_message_says_why_it_came_and_has_no_unsubscribe_link() {
        List<MailContent> messages = List.of(
                AccountMessages.confirmAddress("Ada", LINK),
                AccountMessages.resetPassword("Ada", LINK, false),
                AccountMessages.resetPassword("Ada", LINK, true),
                AccountMessages.confirmNewAddress("Ada", "new@example.org", LINK),
                AccountMessages.addressChangeAsked("Ada", "new@example.org"));

        for (MailContent message : messages) {
            assertThat(message.text()).contains("--\nYou got this email because");
            assertThat(message.html()).contains("<hr>").doesNotContain("unsubscribe");
            assertThat(message.text()).doesNotContainIgnoringCase("unsubscribe");
        }
    }

    @Test
    void a_message_with_a_link_shows_it_as_one_large_link_and_as_text_to_copy() {
        MailContent reset = AccountMessages.resetPassword("Ada", LINK, false);

        assertThat(reset.text()).contains("Choose a new password:\n" + LINK);
        assertThat(reset.html()).contains("<a href=\"" + LINK + "\"", "copy this address into your browser: " + LINK);
    }

    @Test
    void the_notice_to_the_old_address_has_no_link_and_says_what_to_do_if_it_was_not_them() {
        MailContent notice = AccountMessages.addressChangeAsked("Ada", "new@example.org");

        assertThat(notice.text()).doesNotContain("http").contains("new@example.org",
                "If it was not you, someone may know your password.");
    }

    @Test
    void lifetimes_read_as_words() {
        assertThat(AccountLink.inWords(AccountLink.Kind.CONFIRM_ADDRESS.validFor())).isEqualTo("7 days");
        assertThat(AccountLink.inWords(AccountLink.Kind.RESET_PASSWORD.validFor())).isEqualTo("30 minutes");
        assertThat(AccountLink.inWords(AccountLink.Kind.CHANGE_ADDRESS.validFor())).isEqualTo("24 hours");
    }
}
