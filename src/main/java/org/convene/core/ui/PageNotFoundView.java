package org.convene.core.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What anyone sees at an address that is not a page: the GOV.UK wording, inside the usual frame so that the
 * navigation still works, with a real 404 status for browsers and link checkers. Vaadin's own error page
 * names the route it could not find in developer terms.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class PageNotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public PageNotFoundView() {
        addClassName("cv-page-not-found");
        Anchor timetable = new Anchor(".", "the timetable");
        timetable.getElement().setAttribute("router-link", "");
        add(new H1("Page not found"),
                new Paragraph("If you typed the web address, check it is correct."),
                new Paragraph("If you pasted the web address, check you copied the entire address."),
                new Paragraph(new Text("You can find every session on "), timetable,
                        new Text(".")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return "Page not found - Convene";
    }
}
