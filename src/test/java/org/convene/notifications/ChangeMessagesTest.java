package org.convene.notifications;

import org.convene.mail.MailContent;
import org.convene.programme.AccessFeature;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeMessagesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SESSION = "https://convene.example.test/sessions/7";
    private static final String UNSUBSCRIBE = "https://convene.example.test/mail/unsubscribe/abc";

    private static SessionFacts session(Set<AccessFeature> access, boolean captions, boolean transcript) {
        return new SessionFacts(7, "Caring at home", "Carers' week", "carers-week",
                LocalDateTime.of(2032, 11, 24, 14, 0).atZone(LONDON).toInstant(),
                LocalDateTime.of(2032, 11, 24, 15, 0).atZone(LONDON).toInstant(),
                LONDON, access, captions, transcript, false);
    }

    @Test
    void a_move_gives_the_new_time_then_the_old_one_the_access_and_how_to_stop_these_emails() {
        MailContent mail = ChangeMessages.moved(session(Set.of(AccessFeature.LIVE_CAPTIONS), false, false),
                LocalDateTime.of(2032, 11, 23, 10, 0).atZone(LONDON).toInstant(),
                LocalDateTime.of(2032, 11, 23, 11, 0).atZone(LONDON).toInstant(), SESSION, UNSUBSCRIBE);

        assertThat(mail.subject()).isEqualTo("Time changed: Caring at home");
        assertThat(mail.text()).startsWith("Caring at home has a new time\n\n")
                .contains("What: Caring at home (Carers' week)\n"
                        + "New time: Wednesday 24 November 2032, 2pm to 3pm (UK time)\n"
                        + "Old time: Tuesday 23 November 2032, 10am to 11am (UK time)\n"
                        + "Access: Live captions\n")
                .contains("See the session:\n" + SESSION)
                .contains(ChangeMessages.ON_AGENDA)
                .endsWith(ChangeMessages.UNSUBSCRIBE + ":\n" + UNSUBSCRIBE + "\n");
        assertThat(mail.html()).contains("<a href=\"" + SESSION + "\"").contains("<dt style=\"font-weight: bold;\">New time</dt>");
    }

    @Test
    void a_cancellation_quotes_the_reason_when_there_is_one() {
        MailContent withReason = ChangeMessages.cancelled(session(Set.of(), false, false), "  The speaker is unwell ",
                SESSION, UNSUBSCRIBE);
        MailContent without = ChangeMessages.cancelled(session(Set.of(), false, false), null, SESSION, UNSUBSCRIBE);

        assertThat(withReason.subject()).isEqualTo("Cancelled: Caring at home");
        assertThat(withReason.text()).contains("A session on your agenda will not take place.\n\n"
                        + "The organisers say: The speaker is unwell\n\n")
                .contains("When it was planned: Wednesday 24 November 2032, 2pm to 3pm (UK time)");
        assertThat(without.text()).doesNotContain("The organisers say");
    }

    @Test
    void no_access_features_is_said_in_words_not_left_blank() {
        assertThat(ChangeMessages.access(session(Set.of(), false, false))).startsWith("None listed yet.");
        assertThat(ChangeMessages.access(session(Set.of(AccessFeature.BUILT_IN_BREAKS,
                AccessFeature.BSL_INTERPRETATION), false, false)))
                .isEqualTo("British Sign Language (BSL) interpretation, Built-in breaks");
    }

    @Test
    void a_recording_names_its_captions_transcript_and_the_sessions_bsl() {
        MailContent mail = ChangeMessages.recordingPublished(
                session(Set.of(AccessFeature.BSL_INTERPRETATION), true, true), SESSION + "#recording",
                "https://convene.example.test/recordings?conference=carers-week", UNSUBSCRIBE);

        assertThat(mail.subject()).isEqualTo("Recording ready: Caring at home");
        assertThat(mail.text())
                .contains("Access: Captions, Transcript, British Sign Language (BSL) interpretation, as in the session")
                .contains("Watch the recording:\n" + SESSION + "#recording")
                .contains("- All recordings of Carers' week: https://convene.example.test/recordings?conference=carers-week");
        assertThat(ChangeMessages.recordingAccess(session(Set.of(), false, false)))
                .isEqualTo("No captions or transcript yet");
    }

    @Test
    void a_facilitator_is_told_what_facilitating_means_and_cannot_unsubscribe_from_it() {
        MailContent mail = ChangeMessages.facilitatorAssigned(session(Set.of(), false, false), SESSION + "/moderate");

        assertThat(mail.subject()).isEqualTo("You are a facilitator of Caring at home");
        assertThat(mail.text()).contains("A facilitator looks after the questions people ask during the session.")
                .contains("Open the questions page:\n" + SESSION + "/moderate")
                .contains("When: Wednesday 24 November 2032, 2pm to 3pm (UK time)")
                .doesNotContain("unsubscribe");
    }

    @Test
    void an_invitation_gives_the_organisation_the_last_day_and_the_link() {
        MailContent mail = ChangeMessages.hostInvitation("Carers Together", LocalDate.of(2032, 12, 6),
                "https://convene.example.test/invitations/secret");

        assertThat(mail.subject()).isEqualTo("Invitation to coordinate Carers Together");
        assertThat(mail.text()).contains("Organisation: Carers Together\n"
                        + "The link works until: Monday 6 December 2032\n")
                .contains("Accept the invitation:\nhttps://convene.example.test/invitations/secret")
                .contains("If you did not expect this email, you can ignore it.");
    }

    @Test
    void a_long_title_is_cut_to_fit_the_subject_and_keeps_its_prefix() {
        String subject = ChangeMessages.subject("Cancelled: ", "A".repeat(200));

        assertThat(subject).hasSize(ChangeMessages.SUBJECT_MAX).startsWith("Cancelled: AAA").endsWith("A…");
        assertThat(ChangeMessages.subject("Cancelled: ", "Two\nlines")).isEqualTo("Cancelled: Two lines");
    }
}
