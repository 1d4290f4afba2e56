package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/**
 * The GOV.UK error summary for the programme's management forms: "There is a problem" and a link to each
 * field with the same words as beside it. Hidden until a failed submit; then it takes focus so it is read first.
 */
class FormProblemSummary extends Div {

    record Problem(Component field, String message) {
    }

    private final UnorderedList list = new UnorderedList();

    FormProblemSummary() {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        add(new H2("There is a problem"), list);
        setVisible(false);
    }

    /** Marks each field invalid with its message, lists them here and moves focus here. */
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
            // "#id" would read as navigation to the router; focus the field itself, as GOV.UK's summary does
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

    List<String> messages() {
        return list.getChildren().map(item -> ((Anchor) item.getChildren().findFirst().orElseThrow()).getText())
                .toList();
    }
}
