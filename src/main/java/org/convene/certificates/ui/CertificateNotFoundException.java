package org.convene.certificates.ui;

import com.vaadin.flow.router.NotFoundException;

/** A verification address whose code names no certificate: its own page says so in the certificate's terms. */
class CertificateNotFoundException extends NotFoundException {

    CertificateNotFoundException() {
        super("No such certificate");
    }
}
