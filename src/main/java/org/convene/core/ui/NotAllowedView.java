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
import org.convene.core.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a person sees when a page they opened belongs to someone else (another organisation's report, a session
 * they may not moderate): the service refused while the page was loading, so every page says it the same way,
 * with a real 403. The services' refusal messages are written for people, so the page repeats the reason.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotAllowedView extends Div implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    static final String TITLE = "You cannot open this page";

    private final CurrentUser currentUser;

    public NotAllowedView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("cv-not-allowed");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H1(TITLE));
        String reason = parameter.getException().getMessage();
        if (reason != null && !reason.isBlank()) {
            add(new Paragraph(reason));
        }
        if (currentUser.get().isPresent()) {
            add(new Paragraph("If you have another account that may open it, log out with the Log out button at "
                    + "the top of the page, then log in with that account."));
        } else {
            add(new Paragraph(new Text("If you have an account that may open it, "), link("login", "log in"),
                    new Text(".")));
        }
        add(new Paragraph("If you think you should be able to open it, ask the organisers."),
                new Paragraph(new Text("You can find every session on "), link(".", "the timetable"),
                        new Text(".")));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    private static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return TITLE + " - Convene";
    }
}
