package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GOV.UK error summary: "There is a problem" and a link to each field with its message, the same
 * words as beside the field. Hidden until a failed submit; then it takes focus so it is read out first.
 */
class ErrorSummary extends Div {

    private final UnorderedList list = new UnorderedList();

    ErrorSummary() {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        list.addClassName("cv-error-summary-list");
        add(new H2("There is a problem"), list);
        setVisible(false);
    }

    /** A field with its message; the field must have an id, which the summary links to. */
    record Problem(Component field, String message) {
    }

    /** Shows the problems in order, marks each field invalid with the same words and moves focus here. */
    void show(List<Problem> problems) {
        list.removeAll();
        for (Problem problem : problems) {
            String id = problem.field().getId()
                    .orElseThrow(() -> new IllegalArgumentException("A field in an error summary needs an id"));
            if (problem.field() instanceof HasValidation validation) {
                validation.setErrorMessage(problem.message());
                validation.setInvalid(true);
            }
            Anchor link = new Anchor("#" + id, problem.message());
            // The router would treat "#id" as navigation; the browser only scrolls to the field's
            // wrapper, so move focus into the field itself, as GOV.UK's summary does.
            link.getElement().setAttribute("router-ignore", "");
            link.getElement().executeJs("""
                    this.addEventListener('click', e => {
                        const field = document.getElementById($0);
                        if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({block: 'center'}); }
                    });""", id);
            list.add(new ListItem(link));
        }
        setVisible(true);
        getElement().executeJs("this.focus()");
    }

    /** Hides the summary and clears the marks it put on the fields. */
    void clear(Component... fields) {
        list.removeAll();
        setVisible(false);
        for (Component field : fields) {
            if (field instanceof HasValidation validation) {
                validation.setInvalid(false);
                validation.setErrorMessage(null);
            }
        }
    }

    /** The messages shown, in order (for tests and for the page title). */
    List<String> messages() {
        return list.getChildren().map(item -> ((Anchor) item.getChildren().findFirst().orElseThrow()).getText())
                .toList();
    }

    static <K> List<Problem> problems(Map<K, String> errors, Map<K, ? extends Component> fields) {
        Map<Component, String> ordered = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            Component field = fields.get(key);
            if (field == null) {
                throw new IllegalStateException("No field on this form for " + key);
            }
            ordered.put(field, message);
        });
        return ordered.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList();
    }
}
