package org.convene.certificates.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.convene.core.ui.MainLayout;

/**
 * What a verification shows for a code that names no certificate, with a 404 status. It says nothing more: no hint
 * whether a similar code exists, whose it might be, or why.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class CertificateNotFoundView extends Div implements HasErrorParameter<CertificateNotFoundException>,
        HasDynamicTitle {

    public CertificateNotFoundView() {
        addClassName("cv-narrow");
        H1 heading = new H1("We could not find this certificate");
        heading.setId("certificate-not-found");
        add(heading,
                new Paragraph("This is not a certificate Convene issued, or the address is not complete."),
                new Paragraph("Check the address against the one printed on the certificate. The code has 20 letters "
                        + "and numbers, in groups of four."),
                new Paragraph("If it still does not work, ask the person who gave you the certificate."));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CertificateNotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return "Certificate not found - Convene";
    }
}
