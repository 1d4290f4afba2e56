package org.convene.certificates;

import java.time.Instant;

/** One session a certificate names, as it was when the certificate was issued, with the minutes present. */
public record CertificateLine(String sessionTitle, Instant startsAt, Instant endsAt, int minutes) {
}
