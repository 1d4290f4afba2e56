package org.convene.polls.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.Map;

/**
 * "There is a problem" above a form after a failed submit (GOV.UK's error summary): each problem a link to its
 * field, in the same words as beside the field. It takes focus when shown, so a screen reader reads it first.
 */
class ErrorSummary extends Div {

    private final UnorderedList list = new UnorderedList();

    ErrorSummary(String id) {
        setId(id);
        addClassName("cv-error-summary");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("role", "alert");
        add(new H3("There is a problem"), list);
        setVisible(false);
    }

    /** @param problems the field's element id to its message, in form order */
    void show(Map<String, String> problems) {
        list.removeAll();
        problems.forEach((fieldId, message) -> list.add(new ListItem(new Anchor("#" + fieldId, message))));
        setVisible(true);
        getElement().callJsFunction("focus");
    }

    void clear() {
        list.removeAll();
        setVisible(false);
    }

    String text() {
        return isVisible() ? list.getElement().getTextRecursively() : "";
    }
}
