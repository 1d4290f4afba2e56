package org.convene.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.certificates.CertificatePdf;
import org.convene.certificates.CertificateService;
import org.convene.certificates.CertificateStatus;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** Everyone's certificates for a session, in its attendance report, for organisers and its host organisation. */
@SpringComponent
class ReportCertificatesSection implements SessionViewSection {

    private final CertificateService certificates;
    private final CertificatePdf pdf;

    ReportCertificatesSection(CertificateService certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    @Override
    public View view() {
        return View.REPORT;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!certificates.mayDownloadAll(sessionId)) {
            return Optional.empty();
        }
        CertificateStatus.Reason unavailable = certificates.bulkUnavailable(sessionId).orElse(null);
        int met = unavailable == null ? certificates.metRule(sessionId) : 0;
        return Optional.of(new ReportCertificatesPart(unavailable, met, CertificateDownloads.zip(pdf,
                "session-" + sessionId + "-certificates.zip", () -> certificates.everyone(sessionId).certificates())));
    }
}
