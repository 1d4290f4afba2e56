package org.convene.certificates.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.certificates.CertificateRules;
import org.convene.certificates.CertificateStatus;
import org.jspecify.annotations.Nullable;

/** In the session's report: how many met the rule, and everyone's certificates in one zip. */
class ReportCertificatesPart extends Section {

    static final String ID = "report-certificates";

    /** {@code unavailable} null: the session has ended and its conference gives certificates. */
    ReportCertificatesPart(CertificateStatus.@Nullable Reason unavailable, int metRule, DownloadHandler zip) {
        setId(ID);
        H2 heading = new H2("Certificates of attendance");
        heading.setId("report-certificates-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        if (unavailable == CertificateStatus.Reason.SWITCHED_OFF) {
            add(new Paragraph(CertificateRules.SWITCHED_OFF + " Organisers can switch them on in the "
                    + "conference's settings."));
            return;
        }
        if (unavailable != null) {
            add(new Paragraph(CertificateRules.notEnded()));
            return;
        }
        add(new Paragraph(metRule == 0 ? "Nobody met the attendance rule at this session."
                : metRule == 1 ? "1 person met the attendance rule at this session."
                : metRule + " people met the attendance rule at this session."));
        if (metRule > 0) {
            Anchor link = new Anchor(zip, "Download their certificates (zip of PDF files)");
            link.setId("report-certificates-download");
            add(new Paragraph(link), new Paragraph("The zip holds the certificates of the people who agreed to be "
                    + "named in reports. Everyone else who met the rule can download their own from the session "
                    + "page."));
        }
    }
}
