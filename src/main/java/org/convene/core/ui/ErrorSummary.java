package org.convene.core.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The GOV.UK error summary: "There is a problem" and a link to each field with its message, the same words as
 * beside the field. Hidden until a failed submit; then it takes focus so it is read out first. Its heading level
 * follows where the form sits, so the page's headings stay in order.
 */
public class ErrorSummary extends Div {

    public static final String HEADING = "There is a problem";

    /** A field with its message; the field must have an id, which the summary links to. */
    public record Problem(Component field, String message) {
    }

    /**
     * A field made of several inputs (a date as day, month and year): the summary links to its first input,
     * because focus has to land in something that takes typing.
     */
    public interface GroupedField {
        String firstInputId();
    }

    private final Paragraph explanation = new Paragraph();
    private final UnorderedList list = new UnorderedList();

    /** A summary at the top of a page, under an H1. */
    public ErrorSummary() {
        this(2);
    }

    /** @param headingLevel 2 at the top of a page, 3 or 4 for a form inside a section with its own heading */
    public ErrorSummary(int headingLevel) {
        addClassName("cv-error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        list.addClassName("cv-error-summary-list");
        Component heading = switch (headingLevel) {
            case 2 -> new H2(HEADING);
            case 3 -> new H3(HEADING);
            case 4 -> new H4(HEADING);
            default -> throw new IllegalArgumentException("An error summary's heading is an H2, H3 or H4");
        };
        explanation.setVisible(false);
        add(heading, explanation, list);
        setVisible(false);
    }

    /** The title of a page while its summary shows: screen readers announce the title first. */
    public static String pageTitle(boolean showingErrors, String title) {
        return (showingErrors ? "Error: " : "") + title;
    }

    /** Pairs a service's messages (by field key, in its order) with the form's fields under the same keys. */
    public static <K> List<Problem> problems(Map<K, String> errors, Map<K, ? extends Component> fields) {
        return errors.entrySet().stream().map(e -> {
            Component field = fields.get(e.getKey());
            if (field == null) {
                throw new IllegalStateException("No field on this form for " + e.getKey());
            }
            return new Problem(field, e.getValue());
        }).toList();
    }

    /** Shows one field's problem. */
    public void show(Component field, String message) {
        show(List.of(new Problem(field, message)));
    }

    /** Shows the problems in order, marks each field invalid with the same words and moves focus here. */
    public void show(List<Problem> problems) {
        explanation.setText("");
        explanation.setVisible(false);
        list.removeAll();
        for (Problem problem : problems) {
            Component field = problem.field();
            if (field instanceof HasValidation validation) {
                validation.setErrorMessage(problem.message());
                validation.setInvalid(true);
            }
            String target = field instanceof GroupedField grouped ? grouped.firstInputId()
                    : field.getId().orElseThrow(
                            () -> new IllegalArgumentException("A field in an error summary needs an id"));
            list.add(new ListItem(linkTo(target, problem.message())));
        }
        list.setVisible(true);
        reveal();
    }

    /**
     * Shows a problem that belongs to no one field (a whole file, a refused request): a sentence, and any items
     * (links or further sentences, each a list item) under it.
     */
    public void show(String sentence, List<? extends Component> items) {
        explanation.setText(sentence);
        explanation.setVisible(true);
        list.removeAll();
        items.forEach(list::add);
        list.setVisible(!items.isEmpty());
        reveal();
    }

    /** Hides the summary and clears the marks it put on these fields; what was typed stays. */
    public void clear(Component... fields) {
        clear(Arrays.asList(fields));
    }

    /** Hides the summary and clears the marks it put on these fields; what was typed stays. */
    public void clear(Iterable<? extends Component> fields) {
        list.removeAll();
        explanation.setText("");
        setVisible(false);
        for (Component field : fields) {
            if (field instanceof HasValidation validation) {
                validation.setInvalid(false);
                validation.setErrorMessage(null);
            }
        }
    }

    /** The field messages shown, in order (for tests and for the page title). */
    public List<String> messages() {
        return list.getChildren()
                .flatMap(item -> item.getChildren().findFirst().stream())
                .filter(Anchor.class::isInstance)
                .map(link -> ((Anchor) link).getText())
                .toList();
    }

    public boolean showing() {
        return isVisible();
    }

    /** All the words shown, heading first. */
    public String text() {
        return getElement().getTextRecursively();
    }

    private void reveal() {
        setVisible(true);
        getElement().executeJs("this.focus()");
    }

    private static Anchor linkTo(String id, String message) {
        Anchor link = new Anchor("#" + id, message);
        // The router would treat "#id" as navigation, and the browser would only scroll to the web component;
        // focus goes into the field itself, as in GOV.UK's summary.
        link.getElement().setAttribute("router-ignore", "");
        link.getElement().executeJs("""
                this.addEventListener('click', e => {
                    const field = document.getElementById($0);
                    if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({block: 'center'}); }
                });""", id);
        return link;
    }
}
