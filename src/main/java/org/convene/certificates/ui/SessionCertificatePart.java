package org.convene.certificates.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.certificates.CertificateRules;
import org.convene.certificates.CertificateStatus;

/** After a session, on its page: the person's certificate to download, or why there is none. */
class SessionCertificatePart extends Section {

    static final String ID = "certificate";

    SessionCertificatePart(CertificateStatus status, DownloadHandler download) {
        setId(ID);
        addClassName("cv-certificate");
        H2 heading = new H2("Certificate of attendance");
        heading.setId("certificate-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        switch (status) {
            case CertificateStatus.Ready ready -> {
                add(new Paragraph("You were at this session for " + CertificateRules.minutesText(ready.minutes())
                        + ", so you can have a certificate of attendance."));
                Anchor link = new Anchor(download, "Download your certificate (PDF)");
                link.setId("certificate-download");
                add(new Paragraph(link));
            }
            case CertificateStatus.Refused refused -> {
                Paragraph reason = new Paragraph(refused.message());
                reason.setId("certificate-reason");
                add(reason);
            }
        }
        Anchor mine = new Anchor("account/certificates", "See all your certificates");
        mine.getElement().setAttribute("router-link", "");
        add(new Paragraph(mine));
    }
}
