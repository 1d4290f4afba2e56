package org.convene.organising.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers the organisers' view tests share. */
final class AdminViews {

    private AdminViews() {
    }

    /**
     * Sets a field as a person would: only when it is shown and editable. Karibu's own _setValue breaks on
     * Vaadin 25.2 (see TimetableViewTest).
     */
    static <V> void type(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    /** The one button with this accessible name (buttons in lists say whose they are). */
    static com.vaadin.flow.component.button.Button button(String ariaLabel) {
        var matches = com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.button.Button.class)
                .stream().filter(b -> ariaLabel.equals(b.getAriaLabel().orElse(null))).toList();
        assertThat(matches).as("buttons named " + ariaLabel).hasSize(1);
        return matches.getFirst();
    }
}
