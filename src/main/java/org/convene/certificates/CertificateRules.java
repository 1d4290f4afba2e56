package org.convene.certificates;

import org.convene.attendance.PersonPresence;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The arithmetic and words of certificates, kept out of the beans so they can be tested on their own. */
public final class CertificateRules {

    public static final String SWITCHED_OFF = "The organisers of this conference do not give certificates of "
            + "attendance.";
    public static final String SOMEONE_ELSES = "You can only download your own certificates.";
    public static final String ONLY_MANAGERS = "Only organisers and the session's host organisation can download "
            + "everyone's certificates.";

    private CertificateRules() {
    }

    /** Whole minutes present: a certificate never rounds up what someone did. */
    public static int minutes(Duration present) {
        return Math.toIntExact(present.toMinutes());
    }

    /** The minutes the rule needs of a session of this length, rounded up, as the rule counts in seconds. */
    public static int neededMinutes(Duration length, int percent) {
        long seconds = (length.toSeconds() * percent + 99) / 100;
        return Math.toIntExact((seconds + 59) / 60);
    }

    /** "You were at this session for 32 minutes; a certificate needs 51 of its 60 minutes." */
    public static String notMet(@Nullable PersonPresence presence, Duration length, int percent) {
        String needs = "a certificate needs " + neededMinutes(length, percent) + " of its "
                + minutesText(Math.toIntExact((length.toSeconds() + 59) / 60)) + ".";
        if (presence == null || presence.present().isZero()) {
            return "We have no record of you at this session; " + needs;
        }
        return "You were at this session for " + minutesText(minutes(presence.present())) + "; " + needs;
    }

    public static String noSessionMet(String conferenceName) {
        return "You have not yet met the attendance rule at any session of " + conferenceName + ", so there is no "
                + "certificate for it yet.";
    }

    public static String notEnded() {
        return "Certificates are ready once the session has ended.";
    }

    public static String minutesText(int minutes) {
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /** Same facts, same digest: downloading again gives the same certificate and code. */
    static String digest(@Nullable Long sessionId, String personName, String conferenceName, String zone,
                         int rulePercent, int totalMinutes, java.util.List<CertificateLine> lines) {
        StringBuilder facts = new StringBuilder()
                .append(sessionId == null ? "conference" : "session " + sessionId).append('\n')
                .append(personName).append('\n').append(conferenceName).append('\n').append(zone).append('\n')
                .append(rulePercent).append('\n').append(totalMinutes).append('\n');
        for (CertificateLine line : lines) {
            facts.append(line.sessionTitle()).append('\t').append(line.startsAt()).append('\t')
                    .append(line.endsAt()).append('\t').append(line.minutes()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(facts.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
