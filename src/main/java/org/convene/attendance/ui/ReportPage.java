package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** What the report pages share: a "not found" page, figure lists and router links. */
final class ReportPage {

    private ReportPage() {
    }

    static void notFound(Div page, String what) {
        page.removeAll();
        page.add(new H1(what + " not found"));
        page.add(new Paragraph("We could not find it. The link may be mistyped, or it may have been removed."));
        page.add(new Paragraph(link("reports", "See all attendance reports")));
    }

    /**
     * For a coordinator who followed a link to another organisation's report: the service refused, so say so
     * plainly rather than showing an error.
     */
    static void notAllowed(Div page, String what) {
        page.removeAll();
        page.add(new H1("You cannot see this " + what.toLowerCase()));
        page.add(new Paragraph("Coordinators of a host organisation can see the reports of their own "
                + "organisation's sessions only. If you think you should see this one, ask the organisers."));
        page.add(new Paragraph(link("reports", "See the reports you can open")));
    }

    static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    static DescriptionList figures() {
        DescriptionList list = new DescriptionList();
        list.addClassName("cv-figures");
        return list;
    }

    static void figure(DescriptionList list, String term, String value) {
        figure(list, term, new Span(value));
    }

    static void figure(DescriptionList list, String term, Component value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }
}
