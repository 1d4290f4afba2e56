package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Span;

/** What the report pages share: figure lists and router links. */
final class ReportPage {

    private ReportPage() {
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
