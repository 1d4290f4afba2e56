package org.convene.certificates;

/** What a person can have for one session: a certificate, or the plain reason why not (yet). */
public sealed interface CertificateStatus {

    /** They met the rule: a certificate is theirs to download. */
    record Ready(int minutes) implements CertificateStatus {
    }

    /** Not (yet) theirs, with the reason written for them. */
    record Refused(Reason reason, String message) implements CertificateStatus {
    }

    enum Reason {
        NOT_ENDED, SWITCHED_OFF, RULE_NOT_MET
    }
}
