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
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.convene.core.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person sees when a page fails while it opens: the same plain words and quotable reference as
 * {@link SessionErrorHandler} gives for a failed action, inside the usual frame, with a real 500. Without it Vaadin
 * shows its own page, which names Java classes and carries no reference the organisers could look up.
 * Not-found and not-allowed have their own, more specific views; Vaadin picks the closest exception type.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ProblemView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    static final String TITLE = "Sorry, there is a problem";

    private static final Logger log = LoggerFactory.getLogger(ProblemView.class);

    public ProblemView() {
        addClassName("cv-problem");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.next();
        log.error("Unexpected error while opening a page, reference {}", reference, parameter.getCaughtException());
        removeAll();
        Anchor timetable = new Anchor(".", "the timetable");
        timetable.getElement().setAttribute("router-link", "");
        add(new H1(TITLE),
                new Paragraph("This page could not be opened because something went wrong on our side."),
                new Paragraph("Try again in a few minutes. If it keeps happening, tell the organisers and quote "
                        + "reference " + reference + "."),
                new Paragraph(new Text("You can find every session on "), timetable, new Text(".")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return TITLE + " - Convene";
    }
}
