package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** A plain HTML form, for the one place where the browser must post to the server itself: log-in. */
@Tag("form")
class NativeForm extends HtmlContainer {

    NativeForm(String method, String action, Component... components) {
        super(components);
        getElement().setAttribute("method", method);
        getElement().setAttribute("action", action);
    }

    void submit() {
        getElement().executeJs("this.submit()");
    }
}
