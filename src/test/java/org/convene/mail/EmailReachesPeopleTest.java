package org.convene.mail;

import jakarta.mail.internet.MimeMessage;
import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.PasswordResetService;
import org.convene.core.security.ConveneUser;
import org.convene.reminders.ReminderJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From the thing that causes a message to what arrives at a real SMTP server (GreenMail): an account message
 * (no way to turn it off) and a reminder (with the one-click unsubscribe headers, which then work). Each kind's
 * text is tested where it is written; this proves the whole path, the sender included.
 */
@IntegrationTest
class EmailReachesPeopleTest {

    @RegisterExtension
    static final MailTestSupport mail = new MailTestSupport();

    @Autowired
    AccountFixtures accounts;
    @Autowired
    PasswordResetService resets;
    @Autowired
    org.convene.account.AccountService accountService;
    @Autowired
    ReminderJob reminders;
    @Autowired
    MailPreferences preferences;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    WebApplicationContext context;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void a_password_reset_arrives_with_both_parts_and_no_unsubscribe_link() throws Exception {
        ConveneUser person = accounts.user("Rita Reset");

        resets.requestReset(person.email());
        mail.deliverDue();

        MimeMessage message = only(person, "password");
        assertThat(MailTestSupport.text(message)).contains("/account/reset-password/");
        assertThat(MailTestSupport.html(message)).contains("/account/reset-password/").contains("<html lang=\"en-GB\">");
        assertThat(MailTestSupport.header(message, "List-Unsubscribe")).isNull();
        assertThat(MailTestSupport.header(message, "Message-ID")).isNotBlank();
    }

    @Test
    void signing_up_and_changing_the_address_send_their_links_and_the_old_address_its_notice() throws Exception {
        ConveneUser person = accounts.user("Hal Moving");
        String newEmail = AccountFixtures.uniqueEmail("moved");
        mail.deliverDue();
        assertThat(MailTestSupport.text(only(person, "confirm"))).contains("/account/confirm/");

        AccountFixtures.actAs(person);
        try {
            AccountFixtures.outsideAnyRequest(() -> accountService.requestAddressChange(AccountFixtures.PASSWORD, newEmail));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        mail.deliverDue();

        assertThat(mail.messagesTo(newEmail)).singleElement()
                .satisfies(m -> assertThat(MailTestSupport.text(m)).contains("/account/confirm/"));
        assertThat(MailTestSupport.text(only(person, "change your Convene email address")))
                .contains(newEmail).doesNotContain("/account/confirm/");
    }

    @Test
    void a_reminder_arrives_with_one_click_unsubscribe_headers_that_turn_every_topic_off() throws Exception {
        ConveneUser person = accounts.user("Sam Soon");
        Instant start = Instant.parse("2037-02-10T14:00:00Z");
        long conference = data.conference("Europe/London", LocalDate.of(2037, 2, 9), LocalDate.of(2037, 2, 13));
        long session = data.session(conference, "Pacing and rest", start, start.plusSeconds(3600));
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, person.id()).set(AGENDA_ITEM.SESSION_ID, session)
                .set(AGENDA_ITEM.ADDED_AT, Instant.parse("2037-01-01T00:00:00Z")).execute();

        clock.set(start.minusSeconds(15 * 60));
        reminders.run();
        mail.deliverDue();

        MimeMessage message = only(person, "Pacing and rest");
        assertThat(MailTestSupport.text(message)).contains("/sessions/" + session + "/join");
        String unsubscribe = preferences.unsubscribeUrl(person.id());
        assertThat(MailTestSupport.header(message, "List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
        assertThat(MailTestSupport.header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // what a mail provider does when the person presses its "Unsubscribe" button
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(post(unsubscribe.substring(unsubscribe.indexOf("/mail/")))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(preferences.of(person.id())).doesNotContainValue(true);

        // and so the day before the next session on the agenda, nothing comes
        long next = data.session(conference, "Sleep and fatigue", start.plusSeconds(2 * 86400), start.plusSeconds(2 * 86400 + 3600));
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, person.id()).set(AGENDA_ITEM.SESSION_ID, next)
                .set(AGENDA_ITEM.ADDED_AT, Instant.parse("2037-01-01T00:00:00Z")).execute();
        clock.set(Instant.parse("2037-02-11T17:00:00Z"));
        reminders.run();
        clock.set(start.plusSeconds(2 * 86400 - 15 * 60));
        reminders.run();
        mail.deliverDue();
        assertThat(mail.messagesTo(person.email())).filteredOn(m -> !subject(m).contains("Confirm")).hasSize(1);
    }

    /** The one message to the person whose subject says this (signing up sent them a confirmation too). */
    private static MimeMessage only(ConveneUser person, String subjectPart) {
        assertThat(mail.messagesTo(person.email())).filteredOn(m -> subject(m).toLowerCase().contains(subjectPart.toLowerCase()))
                .hasSize(1);
        return mail.messagesTo(person.email()).stream()
                .filter(m -> subject(m).toLowerCase().contains(subjectPart.toLowerCase())).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
