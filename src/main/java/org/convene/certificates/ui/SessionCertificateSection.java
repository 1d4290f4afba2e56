package org.convene.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.certificates.CertificatePdf;
import org.convene.certificates.CertificateService;
import org.convene.certificates.CertificateStatus;
import org.convene.core.security.CurrentUser;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.util.Optional;

/**
 * The certificate part of the session page, once the session has ended, for the signed-in person. Before the
 * end there is nothing to say (the rule cannot be judged yet).
 */
@SpringComponent
class SessionCertificateSection implements SessionPageSection {

    private final CertificateService certificates;
    private final CertificatePdf pdf;
    private final CurrentUser currentUser;

    SessionCertificateSection(CertificateService certificates, CertificatePdf pdf, CurrentUser currentUser) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.currentUser = currentUser;
    }

    @Override
    public Place place() {
        return Place.AFTER_PLANNING;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        Optional<CertificateStatus> status = certificates.status(session.id());
        if (status.isEmpty() || status.get() instanceof CertificateStatus.Refused refused
                && refused.reason() == CertificateStatus.Reason.NOT_ENDED) {
            return Optional.empty();
        }
        long userId = currentUser.require().id();
        return Optional.of(new SessionCertificatePart(status.get(), CertificateDownloads.pdf(pdf,
                () -> certificates.sessionCertificate(session.id(), userId))));
    }
}
