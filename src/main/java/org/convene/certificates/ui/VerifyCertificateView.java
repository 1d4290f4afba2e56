package org.convene.certificates.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.certificates.Certificate;
import org.convene.certificates.CertificateCodes;
import org.convene.certificates.CertificateLine;
import org.convene.certificates.CertificateRules;
import org.convene.certificates.CertificateService;
import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.core.ui.MainLayout;

/**
 * The public address printed on every certificate: whether it is genuine, and what it said when it was issued.
 * Open to anyone (employers and funders have no account); a code that names nothing gets the not-found page.
 */
@Route(value = "certificates/:code", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/certificates.css")
@PageTitle("Check a certificate - Convene")
public class VerifyCertificateView extends Div implements BeforeEnterObserver {

    private final CertificateService certificates;

    public VerifyCertificateView(CertificateService certificates) {
        this.certificates = certificates;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        Certificate c = certificates.verify(code).orElseThrow(CertificateNotFoundException::new);
        removeAll();
        H1 heading = new H1("This certificate is genuine");
        heading.setId("certificate-genuine");
        String what = c.wholeConference() ? c.conferenceName() : c.subject() + ", part of " + c.conferenceName();
        add(heading, new Paragraph("Convene issued this certificate of attendance to " + c.personName() + " for "
                + what + " on " + DateTexts.day(c.issuedAt().atZone(c.zone()).toLocalDate()) + "."));
        add(facts(c));
        add(new Paragraph("This page shows what Convene recorded when the certificate was issued. Later changes, "
                + "such as a renamed session, do not change it. Someone attends a session when they are there for "
                + "at least " + c.rulePercent() + " % of it."));
    }

    private Section facts(Certificate c) {
        NativeTable table = new NativeTable();
        table.setId("certificate-sessions");
        NativeTableHeader head = new NativeTableHeader();
        head.addRow().add(header("Session", "col"), header("When (" + DateTexts.zoneName(c.zone()) + ")", "col"),
                header("Minutes present", "col"));
        NativeTableBody body = new NativeTableBody();
        for (CertificateLine line : c.lines()) {
            NativeTableRow row = body.addRow();
            row.add(new NativeTableCell(line.sessionTitle()),
                    new NativeTableCell(ZoneTexts.dayAndRange(line.startsAt(), line.endsAt(), c.zone())),
                    number(String.valueOf(line.minutes())));
        }
        NativeTableRow total = body.addRow();
        NativeTableHeaderCell totalHeader = header("Total", "row");
        totalHeader.getElement().setAttribute("colspan", "2");
        total.add(totalHeader, number(String.valueOf(c.totalMinutes())));
        table.add(head, body);
        Div scroll = new Div(table);
        scroll.addClassName("cv-certificate-table");
        Paragraph who = new Paragraph("Issued to: " + c.personName() + ". Time present in all: "
                + CertificateRules.minutesText(c.totalMinutes()) + ". Certificate code: "
                + CertificateCodes.grouped(c.code()) + ".");
        who.setId("certificate-facts");
        return new Section(new H2(c.wholeConference() ? "Sessions attended" : "Session attended"), scroll, who);
    }

    private static NativeTableCell number(String text) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.addClassName("cv-number");
        return cell;
    }

    private static NativeTableHeaderCell header(String text, String scope) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", scope);
        return cell;
    }
}
