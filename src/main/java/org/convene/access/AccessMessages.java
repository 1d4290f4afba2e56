package org.convene.access;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.mail.MailContent;
import org.convene.mail.MailContent.Fact;
import org.convene.programme.AccessFeature;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The words people are told when a promise about access is withdrawn, from plain data (tested without a database). */
final class AccessMessages {

    /** The outbox's subject column takes at most this many characters (mail_outbox.subject's check). */
    static final int SUBJECT_MAX = 200;

    static final String WHY = "You get this because this session is on your agenda in Convene and you told us in "
            + "your account that you need this.";
    static final String UNSUBSCRIBE = "Stop all reminder, change and recording emails";

    private AccessMessages() {
    }

    /** "Live captions are no longer offered." / "BSL interpretation is no longer confirmed." */
    static String withdrawnSentence(AccessFeature feature, Withdrawal.Kind kind) {
        String name = feature.label();
        boolean plural = feature == AccessFeature.LIVE_CAPTIONS || feature == AccessFeature.EASY_READ
                || feature == AccessFeature.BUILT_IN_BREAKS;
        String verb = plural ? " are" : " is";
        return switch (kind) {
            case NO_LONGER_OFFERED -> name + verb + " no longer offered for this session.";
            case NO_LONGER_CONFIRMED -> name + verb + " no longer confirmed for this session. The hosts are "
                    + "still working on it.";
        };
    }

    static MailContent withdrawn(String title, AccessFeature feature, Withdrawal.Kind kind, Instant startsAt,
                                 Instant endsAt, ZoneId zone, String sessionUrl, String unsubscribeUrl) {
        String prefix = kind == Withdrawal.Kind.NO_LONGER_OFFERED ? "Access change: " : "Access not confirmed: ";
        String subject = prefix + title;
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "\u2026";
        }
        return MailContent.builder(subject)
                .heading("A change to access for " + title)
                .paragraph(withdrawnSentence(feature, kind))
                .facts(List.of(new Fact("Session", title),
                        new Fact("When", ZoneTexts.dayAndRange(startsAt, endsAt, zone) + " ("
                                + DateTexts.zoneName(zone) + ")"),
                        new Fact("Access you need", feature.label())))
                .paragraph("If you still want to take part, you can ask the organisers what they can do. "
                        + "The session is still on your agenda.")
                .action("See the session", sessionUrl)
                .why(WHY)
                .unsubscribe(UNSUBSCRIBE, unsubscribeUrl)
                .build();
    }
}
