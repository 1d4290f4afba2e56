package org.convene.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.access.AccessNeeds;
import org.convene.access.AccessNeedsService;
import org.convene.access.NeedTexts;
import org.convene.programme.AccessFeature;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * "Your access needs" on the account page: optional, in plain words, saved only when the person presses Save,
 * and deleted at once with its own button. What the hosts see (counts, never names) is said before the boxes.
 */
@StyleSheet("styles/access.css")
class AccessNeedsForm extends Section {

    static final String SAVE = "Save access needs";
    static final String DELETE = "Delete my access needs";

    private final AccessNeedsService needs;
    private final CheckboxGroup<AccessFeature> features = new CheckboxGroup<>("What do you need? (optional)");
    /** Present from the start so that screen readers announce what a button did. */
    private final Div status = new Div();
    private final Button delete = new Button(DELETE, e -> delete());

    AccessNeedsForm(AccessNeedsService needs) {
        this.needs = needs;
        setId("access-needs");
        addClassName("cv-access-needs");
        status.getElement().setAttribute("role", "status");
        status.setId("access-needs-status");

        features.setId("access-needs-features");
        features.setItems(List.of(AccessFeature.values()));
        features.setItemLabelGenerator(NeedTexts::choice);
        features.setHelperText("Tick all that apply. You can change or delete them at any time.");
        features.addClassName("cv-access-needs-boxes");

        Button save = new Button(SAVE, e -> save());
        save.setId("access-needs-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setId("access-needs-delete");

        long days = needs.retention().toDays();
        add(new H2("Your access needs"),
                new Paragraph("You can tell us what you need to take part, so hosts can book it in time. "
                        + "This is up to you."),
                new Paragraph("When you add a session to your agenda, its hosts see how many people need each "
                        + "thing, like \u201c4 need live captions\u201d. They never see your name."),
                new Paragraph("We keep your answers until you delete them, or " + days + " days after you last "
                        + "used them: after you last saved them and your last session on your agenda ended."),
                status, features, new Div(save, delete));
        show(needs.mine());
    }

    private void save() {
        Set<AccessFeature> chosen = features.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(features.getValue());
        AccessNeeds saved = needs.save(chosen);
        show(saved);
        status.setText(saved.isEmpty() ? "Saved. You have not recorded any access needs."
                : "Saved. Hosts of the sessions on your agenda will count your needs.");
    }

    private void delete() {
        needs.deleteMine();
        show(AccessNeeds.none());
        status.setText("Deleted. We no longer keep any access needs for you.");
    }

    private void show(AccessNeeds current) {
        features.setValue(current.features());
        delete.setEnabled(!current.isEmpty());
    }
}
