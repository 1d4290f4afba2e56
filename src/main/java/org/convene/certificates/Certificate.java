package org.convene.certificates;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An issued certificate: its code and the facts frozen when it was issued. {@code sessionId} is null for a
 * certificate of the whole conference; {@code lines} are its sessions in programme order (one for a session).
 */
public record Certificate(String code, Instant issuedAt, @Nullable Long sessionId, String personName,
                          String conferenceName, ZoneId zone, int rulePercent, int totalMinutes,
                          List<CertificateLine> lines) {

    public Certificate {
        lines = List.copyOf(lines);
    }

    public boolean wholeConference() {
        return sessionId == null;
    }

    /** What the certificate is for, in words: the session's title or the conference's name. */
    public String subject() {
        return wholeConference() || lines.isEmpty() ? conferenceName : lines.getFirst().sessionTitle();
    }

    /** A file name without personal data in it beyond what the person downloads for themself. */
    public String fileName() {
        return "certificate-" + code.toLowerCase(java.util.Locale.ROOT) + ".pdf";
    }
}
