package org.convene.notifications;

import org.convene.mail.MailContent;
import org.convene.mail.MailContent.Fact;
import org.convene.programme.AccessFeature;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of every message this module sends, from plain data, so they can be read and tested without a
 * database. Short sentences, one large link, and always why the message came.
 */
final class ChangeMessages {

    /** The outbox's subject column takes at most this many characters (mail_outbox.subject's check). */
    static final int SUBJECT_MAX = 200;

    static final String ON_AGENDA = "You get this because this session is on your agenda in Convene.";
    static final String UNSUBSCRIBE = "Stop all reminder, change and recording emails";

    /** The zone of an invitation's last day, as the organisers' page shows it (the invitee's zone is unknown). */
    static final ZoneId INVITATION_ZONE = ZoneId.of("Europe/London");

    private static final String NO_ACCESS = "None listed yet. Ask the organisers if you need something.";

    private ChangeMessages() {
    }

    static MailContent moved(SessionFacts session, Instant wasStartsAt, Instant wasEndsAt, String sessionUrl,
                             String unsubscribeUrl) {
        return MailContent.builder(subject("Time changed: ", session.title()))
                .heading(session.title() + " has a new time")
                .paragraph("A session on your agenda has moved to a new time.")
                .facts(List.of(new Fact("What", what(session)),
                        new Fact("New time", MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Old time", MailTimes.when(wasStartsAt, wasEndsAt, session.zone())),
                        new Fact("Access", access(session))))
                .paragraph("It is still on your agenda. Your agenda and calendar feed show the new time.")
                .action("See the session", sessionUrl)
                .why(ON_AGENDA)
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    static MailContent cancelled(SessionFacts session, @Nullable String reason, String sessionUrl,
                                 String unsubscribeUrl) {
        MailContent.Builder mail = MailContent.builder(subject("Cancelled: ", session.title()))
                .heading(session.title() + " is cancelled")
                .paragraph("A session on your agenda will not take place.");
        if (reason != null && !reason.isBlank()) {
            mail.paragraph("The organisers say: " + reason.strip());
        }
        return mail.facts(List.of(new Fact("What", what(session)),
                        new Fact("When it was planned",
                                MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", access(session))))
                .paragraph("You do not need to do anything. Your agenda shows it as cancelled.")
                .action("See the session", sessionUrl)
                .why(ON_AGENDA)
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    static MailContent restored(SessionFacts session, String sessionUrl, String unsubscribeUrl) {
        return MailContent.builder(subject("Going ahead after all: ", session.title()))
                .heading(session.title() + " is going ahead")
                .paragraph("This session was cancelled. Now it will take place after all.")
                .facts(List.of(new Fact("What", what(session)),
                        new Fact("When", MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", access(session))))
                .paragraph("It is still on your agenda.")
                .action("See the session", sessionUrl)
                .why(ON_AGENDA)
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    static MailContent recordingPublished(SessionFacts session, String recordingUrl, String libraryUrl,
                                          String unsubscribeUrl) {
        return MailContent.builder(subject("Recording ready: ", session.title()))
                .heading("You can now watch " + session.title())
                .paragraph("The recording of a session on your agenda is ready to watch.")
                .facts(List.of(new Fact("What", what(session)),
                        new Fact("When it took place",
                                MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", recordingAccess(session))))
                .action("Watch the recording", recordingUrl)
                .links(null, List.of(new Fact("All recordings of " + session.conferenceName(), libraryUrl)))
                .why(ON_AGENDA)
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    static MailContent placeGiven(SessionFacts session, String sessionUrl, String agendaUrl, String unsubscribeUrl) {
        return MailContent.builder(subject("You have a place: ", session.title()))
                .heading("You have a place at " + session.title())
                .paragraph("Someone gave up their place, and you were next on the waiting list. The place is yours.")
                .facts(List.of(new Fact("What", what(session)),
                        new Fact("When", MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", access(session))))
                .paragraph("It is now on your agenda. If you cannot come, please remove it from your agenda, "
                        + "so the next person can have the place.")
                .action("See the session", sessionUrl)
                .links(null, List.of(new Fact("Your agenda", agendaUrl)))
                .why("You get this because you joined the waiting list of this session in Convene.")
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    /** The hosts' answer to a request for a place at a session that needs approval. */
    static MailContent registrationAnswered(SessionFacts session, boolean approved, @Nullable String message,
                                            String sessionUrl, String agendaUrl, String unsubscribeUrl) {
        MailContent.Builder mail = MailContent.builder(subject(approved ? "You have a place: "
                        : "Your request for a place: ", session.title()))
                .heading(approved ? "You have a place at " + session.title()
                        : "The hosts could not give you a place at " + session.title())
                .paragraph(approved ? "The hosts approved your request. The place is yours, and the session is "
                        + "on your agenda." : "The hosts could not give you a place this time.");
        if (message != null) {
            mail.paragraph("Their message: " + message);
        }
        mail.facts(List.of(new Fact("What", what(session)),
                        new Fact("When", MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", access(session))));
        if (approved) {
            mail.paragraph("If you cannot come, please remove it from your agenda, so someone else can have the "
                    + "place.");
        }
        return mail.action("See the session", sessionUrl)
                .links(null, List.of(new Fact("Your agenda", agendaUrl)))
                .why("You get this because you asked for a place at this session in Convene.")
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }

    static MailContent facilitatorAssigned(SessionFacts session, String moderationUrl) {
        return MailContent.builder(subject("You are a facilitator of ", session.title()))
                .heading("You are a facilitator of " + session.title())
                .paragraph("The organisers have made you a facilitator of this session.")
                .paragraph("A facilitator looks after the questions people ask during the session. "
                        + "You choose which questions everyone sees, and mark them as answered.")
                .facts(List.of(new Fact("What", what(session)),
                        new Fact("When", MailTimes.when(session.startsAt(), session.endsAt(), session.zone())),
                        new Fact("Access", access(session))))
                .action("Open the questions page", moderationUrl)
                .paragraph("Log in with this email address to open it.")
                .why("You get this because an organiser made you a facilitator of this session in Convene.")
                .build();
    }

    static MailContent hostInvitation(String hostName, LocalDate lastDay, String invitationUrl) {
        return MailContent.builder(subject("Invitation to coordinate ", hostName))
                .heading("You are invited to coordinate " + hostName)
                .paragraph("The organisers invite you to coordinate the sessions of " + hostName + " in Convene.")
                .paragraph("A coordinator adds and changes the organisation's sessions, and reads their reports.")
                .facts(List.of(new Fact("Organisation", hostName),
                        new Fact("The link works until", MailTimes.day(lastDay))))
                .action("Accept the invitation", invitationUrl)
                .paragraph("Log in with this email address to accept. If you have no account yet, sign up with "
                        + "this email address first. The link works once.")
                .paragraph("If you did not expect this email, you can ignore it.")
                .why("You get this because an organiser of Convene entered this email address to invite you.")
                .build();
    }

    /** "Caring at home (Carers' week 2026)". */
    static String what(SessionFacts session) {
        return session.title() + " (" + session.conferenceName() + ")";
    }

    /** The session's access features in their usual words, or that none are listed. */
    static String access(SessionFacts session) {
        if (session.access().isEmpty()) {
            return NO_ACCESS;
        }
        List<String> labels = new ArrayList<>();
        for (AccessFeature feature : AccessFeature.values()) {
            if (session.access().contains(feature)) {
                labels.add(feature.label());
            }
        }
        return String.join(", ", labels);
    }

    /** What the recording offers: captions, transcript, easy read summary, and BSL when the session had it. */
    static String recordingAccess(SessionFacts session) {
        List<String> parts = new ArrayList<>();
        if (session.captions()) {
            parts.add("Captions");
        }
        if (session.transcript()) {
            parts.add("Transcript");
        }
        if (session.easyReadSummary()) {
            parts.add("Easy read summary");
        }
        if (session.access().contains(AccessFeature.BSL_INTERPRETATION)) {
            parts.add("British Sign Language (BSL) interpretation, as in the session");
        }
        return parts.isEmpty() ? "No captions or transcript yet" : String.join(", ", parts);
    }

    /** The prefix and as much of the name as fits the subject column, cut with "…" when it is too long. */
    static String subject(String prefix, String name) {
        String oneLine = name.replaceAll("\\s+", " ").strip();
        int room = SUBJECT_MAX - prefix.length();
        return prefix + (oneLine.length() <= room ? oneLine : oneLine.substring(0, room - 1).strip() + "…");
    }
}
