package org.convene.certificates;

import java.util.List;

/**
 * Everyone's certificates for one session: those of the people who met the rule and agreed to be named to
 * organisers; {@code notNamed} more met it but did not agree, and can download their own.
 */
public record BulkCertificates(String sessionTitle, List<Certificate> certificates, int notNamed) {

    public BulkCertificates {
        certificates = List.copyOf(certificates);
    }
}
