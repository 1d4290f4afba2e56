package org.convene.certificates.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convene.certificates.CertificatePdf;
import org.convene.certificates.CertificateRules;
import org.convene.certificates.CertificateService;
import org.convene.certificates.MyCertificates;
import org.convene.core.security.CurrentUser;
import org.convene.core.time.ZoneTexts;
import org.convene.core.ui.MainLayout;

import java.util.List;

/** "My certificates": a certificate for each session the person attended by its rule, and one per conference. */
@Route(value = MyCertificatesView.ROUTE, layout = MainLayout.class)
@PermitAll
@PageTitle("My certificates - Convene")
public class MyCertificatesView extends Div implements BeforeEnterObserver {

    static final String ROUTE = "account/certificates";

    private final CertificateService certificates;
    private final CertificatePdf pdf;
    private final CurrentUser currentUser;

    public MyCertificatesView(CertificateService certificates, CertificatePdf pdf, CurrentUser currentUser) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.currentUser = currentUser;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long userId = currentUser.require().id();
        add(new H1("My certificates"), new Paragraph("You can have a certificate of attendance for each session you "
                + "were at for long enough, and one for each conference listing them all. Each certificate is an "
                + "accessible PDF file with an address where anyone can check it is genuine."));
        List<MyCertificates> mine = certificates.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph("You have no certificates yet. After a session you were at for long "
                    + "enough, its certificate will be here.");
            none.setId("no-certificates");
            add(none);
        }
        for (MyCertificates conference : mine) {
            add(conferencePart(conference, userId));
        }
        add(new Paragraph(link("account", "Back to your account")));
    }

    private Section conferencePart(MyCertificates conference, long userId) {
        H2 heading = new H2(conference.conferenceName());
        Anchor whole = new Anchor(CertificateDownloads.pdf(pdf,
                () -> certificates.conferenceCertificate(conference.conferenceId(), userId)),
                "Download the certificate for the whole conference (PDF)");
        whole.setAriaLabel("Download the certificate for the whole of " + conference.conferenceName() + " (PDF)");
        whole.addClassName("cv-certificate-conference");
        UnorderedList sessions = new UnorderedList();
        for (MyCertificates.Session session : conference.sessions()) {
            Anchor download = new Anchor(CertificateDownloads.pdf(pdf,
                    () -> certificates.sessionCertificate(session.sessionId(), userId)), "Download (PDF)");
            download.setAriaLabel("Download the certificate for " + session.title() + " (PDF)");
            sessions.add(new ListItem(new Paragraph(session.title()), new Paragraph(
                    ZoneTexts.dayAndRange(session.startsAt(), session.endsAt(), conference.zone()) + ". You were there "
                            + "for " + CertificateRules.minutesText(session.minutes()) + "."),
                    new Paragraph(download)));
        }
        Section part = new Section(heading, new Paragraph(whole), sessions);
        part.addClassName("cv-certificates");
        return part;
    }

    private static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }
}
