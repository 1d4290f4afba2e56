package org.convene.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.jspecify.annotations.Nullable;

/** Small parts the account link pages share. */
final class AccountLinksUi {

    private AccountLinksUi() {
    }

    /** A link inside the app, followed without reloading the page. */
    static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    /** A live region, present from page load so screen readers announce what is written into it later. */
    static Div status(String id) {
        Div status = new Div();
        status.setId(id);
        status.getElement().setAttribute("role", "status");
        return status;
    }

    static void setStatus(Div status, String text, @Nullable String className) {
        status.setText(text);
        status.removeClassNames("cv-success", "cv-warning");
        if (className != null) {
            status.addClassName(className);
        }
    }
}
