package org.convene.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.account.ui.AccountPageSection;

/** The way from "Your account" to "My certificates". */
@SpringComponent
class CertificatesAccountSection implements AccountPageSection {

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Component create() {
        Anchor link = new Anchor(MyCertificatesView.ROUTE, "My certificates");
        link.getElement().setAttribute("router-link", "");
        link.setId("my-certificates-link");
        Section section = new Section(new H2("Certificates of attendance"), new Paragraph("Download a certificate "
                + "for each session you were at for long enough, or for a whole conference."), new Paragraph(link));
        section.setId("account-certificates");
        return section;
    }
}
