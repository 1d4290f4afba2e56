package org.convene.reminders;

import org.convene.core.PublicBaseUrl;
import org.convene.mail.MailContent;
import org.convene.programme.AccessFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderMessagesTest {

    private static final PublicBaseUrl BASE = new PublicBaseUrl("https://convene.example.org");
    private static final String UNSUBSCRIBE = "https://convene.example.org/mail/unsubscribe/abc";

    private static AgendaSession session(long id, String title, String start, String end, String conferenceZone,
                                         ZoneId chosen, Set<AccessFeature> access, boolean joinLink) {
        return new AgendaSession(7, "ada@example.org", chosen, id, title, Instant.parse(start), Instant.parse(end),
                ZoneId.of(conferenceZone), access, joinLink);
    }

    @Test
    void the_day_before_list_names_each_sessions_access_features_in_words() {
        AgendaSession captioned = session(1, "Captioned talk", "2031-06-03T09:00:00Z", "2031-06-03T10:00:00Z",
                "Europe/London", null, EnumSet.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION), true);
        AgendaSession plain = session(2, "Plain talk", "2031-06-03T11:00:00Z", "2031-06-03T12:00:00Z",
                "Europe/London", null, Set.of(), true);

        MailContent mail = ReminderMessages.dayBefore(
                new DueReminder.DayBefore(7, "ada@example.org", LocalDate.of(2031, 6, 3), List.of(captioned, plain)),
                BASE, UNSUBSCRIBE);

        assertThat(mail.text())
                .contains("Access: British Sign Language (BSL) interpretation, Live captions",
                        "Access: None listed. The session's page says more about access.",
                        "See your agenda:\nhttps://convene.example.org/agenda",
                        "You get this email because these sessions are on your agenda");
        assertThat(mail.html()).contains("<dt style=\"font-weight: bold;\">Access</dt>");
    }

    @Test
    void sessions_of_conferences_in_different_zones_say_each_zone_when_the_person_chose_none() {
        AgendaSession london = session(1, "London talk", "2031-06-03T09:00:00Z", "2031-06-03T10:00:00Z",
                "Europe/London", null, Set.of(), true);
        AgendaSession newYork = session(2, "New York talk", "2031-06-03T14:00:00Z", "2031-06-03T15:00:00Z",
                "America/New_York", null, Set.of(), true);

        MailContent mail = ReminderMessages.dayBefore(
                new DueReminder.DayBefore(7, "ada@example.org", LocalDate.of(2031, 6, 3), List.of(london, newYork)),
                BASE, UNSUBSCRIBE);

        assertThat(mail.text()).contains("Each time says its time zone.", "Time: 10am to 11am (UK time)",
                "Time: 10am to 11am (Eastern Time)");
    }

    @Test
    void a_session_without_a_meeting_yet_points_to_its_page_instead_of_a_join_link() {
        AgendaSession noLink = session(5, "Workshop", "2031-06-03T09:00:00Z", "2031-06-03T10:00:00Z",
                "Europe/London", ZoneId.of("Pacific/Auckland"), Set.of(), false);

        MailContent mail = ReminderMessages.soon(new DueReminder.Soon(noLink), BASE, UNSUBSCRIBE);

        assertThat(mail.subject()).isEqualTo("Starts at 9pm: Workshop");
        assertThat(mail.text()).contains("Open the session's page:\nhttps://convene.example.org/sessions/5",
                "New Zealand Time (Pacific/Auckland)").doesNotContain("/join");
    }

    @Test
    void a_long_title_is_shortened_in_the_subject_but_not_in_the_message() {
        String title = "A".repeat(300);
        AgendaSession longOne = session(5, title, "2031-06-03T09:00:00Z", "2031-06-03T10:00:00Z",
                "Europe/London", null, Set.of(), true);

        MailContent mail = ReminderMessages.soon(new DueReminder.Soon(longOne), BASE, UNSUBSCRIBE);

        assertThat(mail.subject()).hasSizeLessThanOrEqualTo(200).endsWith("…");
        assertThat(mail.text()).contains(title);
    }
}
