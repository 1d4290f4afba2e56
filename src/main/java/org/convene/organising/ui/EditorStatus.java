package org.convene.organising.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/**
 * What the session editor says above its form: that a save worked, a warning about overlapping sessions with
 * "Save anyway", or a refusal to overwrite someone else's changes with "Load the latest version". Two parts, the
 * message (a focusable status region) and a row for its buttons, placed side by side on the page.
 */
final class EditorStatus {

    static final String CONFLICT = "Someone else changed this session while you were editing it. "
            + "Your changes have not been saved.";

    private final Div status = new Div();
    private final Div actions = new Div();

    EditorStatus() {
        status.setId("editor-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        status.addClassName("cv-editor-status");
        actions.addClassName("cv-button-row");
        actions.setVisible(false);
    }

    Component[] components() {
        return new Component[]{status, actions};
    }

    void success(String text) {
        show("cv-success", text);
    }

    void warning(@Nullable String text) {
        show("cv-warning", text);
    }

    void showOverlap(List<String> titles, Runnable saveAnyway) {
        UnorderedList list = new UnorderedList();
        titles.forEach(t -> list.add(new ListItem(t)));
        warning(titles.size() == 1
                ? "This session overlaps another session in the same track:"
                : "This session overlaps " + titles.size() + " other sessions in the same track:");
        status.add(list, new Paragraph("Change the time or the track, or save it anyway if both can run at once."));
        Button button = new Button("Save anyway", e -> saveAnyway.run());
        button.setId("save-anyway");
        actions.add(button);
        actions.setVisible(true);
        status.getElement().executeJs("this.focus()");
    }

    void showConflict(Runnable loadLatest) {
        warning(CONFLICT);
        status.add(new Paragraph("Load the latest version to see their changes, then make yours again. "
                + "Loading it replaces what you typed."));
        Button button = new Button("Load the latest version", e -> loadLatest.run());
        button.setId("load-latest");
        actions.add(button);
        actions.setVisible(true);
        status.getElement().executeJs("this.focus()");
    }

    void clear() {
        status.removeAll();
        status.removeClassNames("cv-success", "cv-warning");
        actions.removeAll();
        actions.setVisible(false);
    }

    private void show(String className, @Nullable String text) {
        clear();
        status.addClassName(className);
        status.add(new Paragraph(text));
    }
}
