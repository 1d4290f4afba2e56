package org.convene.reminders;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.core.PublicBaseUrl;
import org.convene.mail.MailContent;
import org.convene.mail.MailContent.Fact;
import org.convene.programme.AccessFeature;
import org.convene.programme.SessionAddresses;
import org.convene.programme.SessionDetail;

import org.convene.materials.Material;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of the two reminders: plain English, short sentences, the times in the person's reminder zone with
 * the zone named, each session's access features in words, one large link, why it was sent and how to stop it.
 * Pure, so the texts are tested without a database.
 */
public final class ReminderMessages {

    /** The words of the one-click link, the same in every reminder and on the account page. */
    public static final String TURN_ALL_OFF = "Turn off all email reminders and updates";

    private static final int SUBJECT_TITLE_MAX = 120;

    private ReminderMessages() {
    }

    public static MailContent dayBefore(DueReminder.DayBefore reminder, PublicBaseUrl base, String unsubscribeUrl) {
        return dayBefore(reminder, Map.of(), base, unsubscribeUrl);
    }

    /**
     * The day-before list, with the slides, easy-read versions and handouts of its sessions that are published
     * when it is sent (the demo programme promises "slides are sent a day before").
     */
    public static MailContent dayBefore(DueReminder.DayBefore reminder, Map<Long, List<Material>> materials,
                                        PublicBaseUrl base, String unsubscribeUrl) {
        List<AgendaSession> sessions = reminder.sessions();
        int count = sessions.size();
        String sessionsWord = count == 1 ? "1 session" : count + " sessions";
        Set<ZoneId> zones = sessions.stream().map(AgendaSession::zone).collect(Collectors.toSet());
        boolean oneZone = zones.size() == 1;

        MailContent.Builder mail = MailContent.builder("Tomorrow: " + sessionsWord + " on your agenda ("
                        + DateTexts.dayWithoutYear(reminder.day()) + ")")
                .heading("Your sessions tomorrow, " + DateTexts.day(reminder.day()))
                .paragraph("You have " + sessionsWord + " on your agenda tomorrow. "
                        + (oneZone ? "Times are in " + ZoneTexts.fullName(sessions.getFirst().zone()) + "."
                        : "Each time says its time zone."));
        for (AgendaSession session : sessions) {
            String time = ZoneTexts.rangeOnDay(session.startsAt(), session.endsAt(), session.zone(),
                    session.startsAt().atZone(session.zone()).toLocalDate())
                    + (oneZone ? "" : " (" + ZoneTexts.shortName(session.zone()) + ")");
            mail.facts(List.of(new Fact("Time", time), new Fact("Session", oneLine(session.title())),
                    new Fact("Access", access(session.access()))));
        }
        mail.links("Session pages", sessions.stream()
                        .map(s -> new Fact(oneLine(s.title()), SessionAddresses.page(base, s.sessionId()))).toList());
        List<Fact> materialLinks = sessions.stream()
                .flatMap(s -> materials.getOrDefault(s.sessionId(), List.of()).stream()
                        .map(m -> new Fact(m.kind().label() + ": " + oneLine(m.title()) + " (" + m.formatInWords()
                                + "), for " + oneLine(s.title()),
                                m.isFile() ? base.link(m.href()) : m.href())))
                .toList();
        if (!materialLinks.isEmpty()) {
            mail.links("Slides and handouts to read before", materialLinks);
        }
        mail.paragraph("You can join each session from " + SessionDetail.JOIN_OPENS_BEFORE.toMinutes()
                        + " minutes before it starts. We will send you its Join link shortly before.")
                .action("See your agenda", base.link("/agenda"));
        return end(mail, base, unsubscribeUrl, "these sessions are on your agenda and reminders the day before "
                + "are turned on in your account");
    }

    public static MailContent soon(DueReminder.Soon reminder, PublicBaseUrl base, String unsubscribeUrl) {
        AgendaSession session = reminder.session();
        ZoneId zone = session.zone();
        String title = oneLine(session.title());
        String startsAt = ZoneTexts.time(session.startsAt().atZone(zone));
        MailContent.Builder mail = MailContent.builder("Starts at " + startsAt + ": " + shortened(title))
                .heading(title + " starts at " + startsAt)
                .paragraph("A session on your agenda starts soon, at " + startsAt + " "
                        + ZoneTexts.shortName(zone) + ".")
                .facts(List.of(
                        new Fact("When", DateTexts.day(session.startsAt().atZone(zone).toLocalDate()) + ", "
                                + ZoneTexts.rangeOnDay(session.startsAt(), session.endsAt(), zone, session.startsAt().atZone(zone).toLocalDate()) + " ("
                                + ZoneTexts.fullName(zone) + ")"),
                        new Fact("Access", access(session.access()))));
        String page = SessionAddresses.page(base, session.sessionId());
        if (session.hasJoinLink()) {
            // Convene's own Join address, never the meeting's: it opens the meeting only in its join window and,
            // where the conference asks for it, only to people signed in.
            mail.action("Join the session", SessionAddresses.join(base, session.sessionId()))
                    .paragraph("The Join link works from " + SessionDetail.JOIN_OPENS_BEFORE.toMinutes()
                            + " minutes before the start.")
                    .links(null, List.of(new Fact("The session's page: details and access information", page)));
        } else {
            mail.paragraph("This session has no Join link yet. Its page says how to take part.")
                    .action("Open the session's page", page);
        }
        return end(mail, base, unsubscribeUrl, "this session is on your agenda and reminders before each session "
                + "are turned on in your account");
    }

    private static MailContent end(MailContent.Builder mail, PublicBaseUrl base, String unsubscribeUrl,
                                   String because) {
        return mail.links(null, List.of(new Fact("Choose which emails you get", base.link("/account"))))
                .why("You get this email because " + because + ".")
                .unsubscribe(TURN_ALL_OFF, unsubscribeUrl)
                .build();
    }

    /** The features in words, or a sentence saying none are listed (so nobody reads a blank as "unknown"). */
    static String access(Set<AccessFeature> features) {
        if (features.isEmpty()) {
            return "None listed. The session's page says more about access.";
        }
        return java.util.Arrays.stream(AccessFeature.values()).filter(features::contains)
                .map(AccessFeature::label).collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String shortened(String title) {
        return title.length() <= SUBJECT_TITLE_MAX ? title : title.substring(0, SUBJECT_TITLE_MAX - 1).strip() + "…";
    }
}
