package org.convene.certificates;

import org.springframework.security.access.AccessDeniedException;

/** A certificate that is not the person's to have, with the reason written for them. */
public class CertificateRefusedException extends AccessDeniedException {

    public CertificateRefusedException(String reason) {
        super(reason);
    }
}
