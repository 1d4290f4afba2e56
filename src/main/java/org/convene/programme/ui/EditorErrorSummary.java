package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;
import java.util.Map;

/**
 * The GOV.UK error summary for the programme management forms: "There is a problem" and a link to each field
 * with the same words as beside the field. Hidden until a failed submit; then it takes focus so it is read
 * out first. Its heading level follows where it sits, so the page's headings stay in order.
 */
class EditorErrorSummary extends Div {

    private final UnorderedList list = new UnorderedList();

    /** @param headingLevel 2 at the top of a page, 3 inside a section headed by an H2 */
    EditorErrorSummary(int headingLevel) {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        list.addClassName("cv-error-summary-list");
        add(headingLevel == 2 ? new H2("There is a problem") : new H3("There is a problem"), list);
        setVisible(false);
    }

    /** Shows each field's message in the order given, marks the fields and moves focus here. */
    void show(Map<Component, String> problems) {
        list.removeAll();
        problems.forEach((field, message) -> {
            String id = field.getId()
                    .orElseThrow(() -> new IllegalArgumentException("A field in an error summary needs an id"));
            if (field instanceof HasValidation validation) {
                validation.setErrorMessage(message);
                validation.setInvalid(true);
            }
            Anchor link = new Anchor("#" + id, message);
            // The router would take "#id" for navigation, and the browser would only scroll to the web
            // component; focus goes into the field itself, as in GOV.UK's summary.
            link.getElement().setAttribute("router-ignore", "");
            link.getElement().executeJs("""
                    this.addEventListener('click', e => {
                        const field = document.getElementById($0);
                        if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({block: 'center'}); }
                    });""", id);
            list.add(new ListItem(link));
        });
        setVisible(true);
        getElement().executeJs("this.focus()");
    }

    /** Hides the summary and clears the marks it put on these fields. */
    void clear(List<? extends Component> fields) {
        list.removeAll();
        setVisible(false);
        for (Component field : fields) {
            if (field instanceof HasValidation validation) {
                validation.setInvalid(false);
                validation.setErrorMessage(null);
            }
        }
    }

    /** The messages shown, in order. */
    List<String> messages() {
        return list.getChildren().map(item -> ((Anchor) item.getChildren().findFirst().orElseThrow()).getText())
                .toList();
    }

    boolean showing() {
        return isVisible();
    }
}
