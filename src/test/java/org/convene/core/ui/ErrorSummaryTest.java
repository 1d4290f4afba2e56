package org.convene.core.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.KaribuTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorSummaryTest extends KaribuTest {

    private static TextField field(String id) {
        TextField field = new TextField(id);
        field.setId(id);
        return field;
    }

    private static List<String> hrefs(ErrorSummary summary) {
        return summary.getChildren().flatMap(Component::getChildren).flatMap(Component::getChildren)
                .filter(Anchor.class::isInstance).map(c -> ((Anchor) c).getHref()).toList();
    }

    @Test
    void hidden_until_shown_then_an_alert_that_takes_focus_and_links_each_field_with_its_own_words() {
        ErrorSummary summary = new ErrorSummary();
        UI.getCurrent().add(summary);
        TextField name = field("name");
        TextField email = field("email");
        assertThat(summary.isVisible()).isFalse();
        assertThat(summary.hasClassName("cv-error-summary")).isTrue();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getElement().getAttribute("tabindex")).isEqualTo("-1");

        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("email", "Enter an email address");
        errors.put("name", "Enter your name");
        summary.show(ErrorSummary.problems(errors, Map.of("name", name, "email", email)));

        assertThat(summary.showing()).isTrue();
        assertThat(summary.messages()).containsExactly("Enter an email address", "Enter your name");
        assertThat(hrefs(summary)).containsExactly("#email", "#name");
        assertThat(summary.text()).isEqualTo("There is a problemEnter an email addressEnter your name");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an email address");
    }

    @Test
    void clearing_hides_it_and_unmarks_the_fields_but_keeps_what_was_typed() {
        ErrorSummary summary = new ErrorSummary();
        TextField name = field("name");
        name.setValue("x");
        summary.show(name, "Enter your full name");

        summary.clear(name);

        assertThat(summary.isVisible()).isFalse();
        assertThat(summary.messages()).isEmpty();
        assertThat(name.isInvalid()).isFalse();
        assertThat(name.getErrorMessage()).isNullOrEmpty();
        assertThat(name.getValue()).isEqualTo("x");
    }

    @Test
    void the_heading_level_follows_where_the_form_sits() {
        assertThat(new ErrorSummary().getChildren().findFirst().orElseThrow()).isInstanceOf(H2.class);
        assertThat(new ErrorSummary(3).getChildren().findFirst().orElseThrow()).isInstanceOf(H3.class);
        assertThat(new ErrorSummary(4).getChildren().findFirst().orElseThrow()).isInstanceOf(H4.class);
        assertThatThrownBy(() -> new ErrorSummary(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_field_of_several_inputs_is_linked_by_its_first_input() {
        class DateParts extends Div implements ErrorSummary.GroupedField {
            @Override
            public String firstInputId() {
                return "start-day";
            }
        }
        ErrorSummary summary = new ErrorSummary();
        DateParts start = new DateParts();
        start.setId("start");

        summary.show(start, "Enter the first day, as a real date");

        assertThat(hrefs(summary)).containsExactly("#start-day");
    }

    @Test
    void a_problem_with_no_field_is_a_sentence_with_any_items_under_it() {
        ErrorSummary summary = new ErrorSummary();

        summary.show("Your file could not be checked.", List.of(new ListItem("The file is empty")));

        assertThat(summary.text()).isEqualTo("There is a problemYour file could not be checked.The file is empty");
        assertThat(summary.messages()).isEmpty();
        summary.show("Someone else is importing.", List.of());
        assertThat(summary.text()).isEqualTo("There is a problemSomeone else is importing.");
    }

    @Test
    void the_page_title_says_error_first_while_a_summary_shows() {
        assertThat(ErrorSummary.pageTitle(true, "Log in - Convene")).isEqualTo("Error: Log in - Convene");
        assertThat(ErrorSummary.pageTitle(false, "Log in - Convene")).isEqualTo("Log in - Convene");
    }
}
