package org.convene.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** What the programme management pages share (conferences, hosts, people, recordings, cancelling). */
final class AdminPage {

    static final String STYLES = "styles/manage-admin.css";

    private AdminPage() {
    }

    static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    /** The way back to the programme management hub, at the top of every page. */
    static Paragraph backToManage() {
        Paragraph back = new Paragraph(link("manage", "Manage the programme"));
        back.addClassName("cv-back-link");
        return back;
    }

    /** For an address that names nothing (mistyped, or removed since): says so and offers the whole list. */
    static void showNotFound(Div page, String heading, String explanation, Anchor toList) {
        page.add(backToManage(), new H1(heading), new Paragraph(explanation), new Paragraph(toList));
    }

    /** A status line that exists from page load, so screen readers announce changes of its text. */
    static Div status(String id) {
        Div status = new Div();
        status.setId(id);
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-admin-status");
        return status;
    }

    static void setStatus(Div status, String text, String className) {
        status.setText(text);
        status.removeClassNames("cv-success", "cv-warning");
        if (className != null && !text.isEmpty()) {
            status.addClassName(className);
        }
    }

    /**
     * The message for a record someone else saved first, with a way to load their version; hidden until needed.
     * Nothing typed is lost until the person asks for the latest version.
     */
    static Div conflict(Runnable reload) {
        Div box = new Div();
        box.addClassNames("cv-conflict", "cv-warning");
        box.getElement().setAttribute("role", "alert");
        box.getElement().setAttribute("tabindex", "-1");
        Paragraph text = new Paragraph("Someone else changed this while you were editing it. Your changes have "
                + "not been saved.");
        Button load = new Button("Load the latest version", e -> reload.run());
        load.setId("load-latest");
        box.add(text, new Paragraph("Load the latest version to see their changes, then make yours again."), load);
        box.setVisible(false);
        return box;
    }

    static void showConflict(Div conflict) {
        conflict.setVisible(true);
        conflict.getElement().executeJs("this.focus()");
    }

    /**
     * The same message for a page whose status line (a live region) says what happened: nothing is loaded until
     * the person asks, then the line says it was.
     */
    static void showConflictIn(Div status, String explanation, Runnable load, String loaded) {
        status.removeAll();
        status.setClassName("cv-warning");
        Button reload = new Button("Load the latest version", e -> {
            load.run();
            status.setText(loaded);
            status.setClassName("cv-success");
        });
        status.add(new Paragraph(explanation), reload);
    }

    /**
     * A titled confirmation before something that cannot simply be undone, made like the one on the attendance
     * privacy page. The dialog would focus the confirming button when it opens, so one press of Enter or Space
     * would do the very thing being asked about; focus goes to the cancelling button instead, once the dialog's
     * own focus has happened (it listens inside the dialog, after the dialog's handler of the same event).
     */
    static ConfirmDialog confirmation(String header, String text, String confirmText, String cancelText,
                                      Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        Button cancel = new Button(cancelText, e -> dialog.close());
        cancel.setId("confirmation-cancel");
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> onConfirm.run());
        dialog.getElement().executeJs("""
                const dialog = this;
                customElements.whenDefined(dialog.localName).then(() => {
                  if (dialog.shadowRoot && !dialog.__cvCancelFirst) {
                    dialog.__cvCancelFirst = true;
                    dialog.shadowRoot.addEventListener('vaadin-overlay-open', () => {
                      const cancel = dialog.querySelector('[slot="cancel-button"]');
                      if (cancel) cancel.focus();
                    });
                  }
                });""");
        return dialog;
    }
}
