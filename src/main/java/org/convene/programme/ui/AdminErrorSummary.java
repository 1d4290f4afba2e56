package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GOV.UK error summary for the organisers' forms: "There is a problem" and a link to each field with the
 * same words as beside it. Hidden until a failed submit; then it takes focus so it is read out first.
 */
class AdminErrorSummary extends Div {

    private final UnorderedList list = new UnorderedList();

    AdminErrorSummary() {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        list.addClassName("cv-error-summary-list");
        add(new H2("There is a problem"), list);
        setVisible(false);
    }

    /**
     * Shows the service's problems (field key to message) in the order given, marking each field.
     *
     * @param fields the form's fields by the same keys; each needs an id (a {@link DayMonthYear} links to its day)
     */
    void show(Map<String, String> problems, Map<String, ? extends Component> fields) {
        list.removeAll();
        problems.forEach((key, message) -> {
            Component field = fields.get(key);
            if (field == null) {
                throw new IllegalStateException("No field on this form for " + key);
            }
            if (field instanceof HasValidation validation) {
                validation.setErrorMessage(message);
                validation.setInvalid(true);
            }
            String target = field instanceof DayMonthYear date ? date.firstInputId()
                    : field.getId().orElseThrow(() -> new IllegalArgumentException("A field needs an id"));
            Anchor link = new Anchor("#" + target, message);
            // The router would treat "#id" as navigation; move focus into the field as GOV.UK's summary does.
            link.getElement().setAttribute("router-ignore", "");
            link.getElement().executeJs("""
                    this.addEventListener('click', e => {
                        const field = document.getElementById($0);
                        if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({block: 'center'}); }
                    });""", target);
            list.add(new ListItem(link));
        });
        setVisible(true);
        getElement().executeJs("this.focus()");
    }

    /** Hides the summary and clears the marks it put on the fields. */
    void clear(Iterable<? extends Component> fields) {
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
        List<String> messages = new ArrayList<>();
        list.getChildren().forEach(item -> messages.add(
                ((Anchor) item.getChildren().findFirst().orElseThrow()).getText()));
        return messages;
    }
}
