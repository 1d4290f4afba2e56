package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The GOV.UK error summary: "There is a problem" and a link to each field with the same words as the field's
 * own message. Its heading level follows where the form sits, so the page's headings stay in order.
 */
final class ErrorSummary extends Div {

    private final UnorderedList problems = new UnorderedList();

    /** @param headingLevel 2, 3 or 4 */
    ErrorSummary(int headingLevel) {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        String title = "There is a problem";
        Component heading = switch (headingLevel) {
            case 2 -> new H2(title);
            case 3 -> new H3(title);
            default -> new H4(title);
        };
        add(heading, problems);
        setVisible(false);
    }

    /** Shows one problem, marks the field and moves focus to the summary. */
    <F extends Component & HasValidation & Focusable<?>> void show(F field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        String id = field.getId().orElseThrow(() -> new IllegalStateException("the field needs an id to link to"));
        problems.removeAll();
        Anchor link = new Anchor("#" + id, message);
        link.getElement().setAttribute("router-ignore", "");
        // the fragment scrolls to the field; focus has to go into the web component's own input
        link.getElement().addEventListener("click", e -> field.focus());
        problems.add(new ListItem(link));
        setVisible(true);
        getElement().callJsFunction("focus");
    }

    <F extends Component & HasValidation> void clear(F field) {
        field.setInvalid(false);
        field.setErrorMessage(null);
        problems.removeAll();
        setVisible(false);
    }

    String text() {
        return getElement().getTextRecursively();
    }
}
