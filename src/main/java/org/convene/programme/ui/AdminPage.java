package org.convene.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.NotFoundException;
import org.convene.programme.NoSuchSessionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.util.function.LongFunction;

/** What the programme management pages share (conferences, hosts, people, recordings, cancelling). */
public final class AdminPage {

    public static final String STYLES = "styles/manage-admin.css";

    private AdminPage() {
    }

    public static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    /** The way back to the programme management hub, at the top of every page. */
    public static Paragraph backToManage() {
        Paragraph back = new Paragraph(link("manage", "Manage the programme"));
        back.addClassName("cv-back-link");
        return back;
    }

    /**
     * Loads the session a per-session management page is about. A session deleted since is "page not found"
     * (404); one of another host organisation is refused by the service, and its AccessDeniedException reaches
     * the not-allowed page (403).
     */
    public static <T> T session(long id, LongFunction<T> load) {
        try {
            return load.apply(id);
        } catch (NoSuchSessionException e) {
            throw new NotFoundException("No such session");
        }
    }

    /** A status line that exists from page load, so screen readers announce changes of its text. */
    public static Div status(String id) {
        Div status = new Div();
        status.setId(id);
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-admin-status");
        return status;
    }

    public static void setStatus(Div status, String text, @Nullable String className) {
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
    public static Div conflict(Runnable reload) {
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

    public static void showConflict(Div conflict) {
        conflict.setVisible(true);
        conflict.getElement().executeJs("this.focus()");
    }

    /**
     * The same message for a page whose status line (a live region) says what happened: nothing is loaded until
     * the person asks, then the line says it was.
     */
    public static void showConflictIn(Div status, String explanation, Runnable load, String loaded) {
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
     * A titled confirmation before something that cannot simply be undone, shown in the page under the button
     * that asked. Not Vaadin's ConfirmDialog: the production bundle loaded its
     * web component only with that page's chunk, so here it never appeared. The safe button takes the focus, so
     * an Enter pressed at once does nothing harmful; screen readers hear the title and text as focus enters.
     */
    public static Div confirmation(String id, String title, String text, String confirmText, String cancelText,
                            Runnable onConfirm, Runnable onCancel) {
        Div panel = new Div();
        panel.setId(id);
        panel.addClassName("cv-confirmation");
        H2 heading = new H2(title);
        heading.setId(id + "-title");
        Paragraph explanation = new Paragraph(text);
        explanation.setId(id + "-text");
        panel.getElement().setAttribute("role", "alertdialog");
        panel.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        panel.getElement().setAttribute("aria-describedby", explanation.getId().orElseThrow());
        Button cancel = new Button(cancelText, e -> onCancel.run());
        cancel.setId(id + "-cancel");
        Button confirm = new Button(confirmText, e -> onConfirm.run());
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        Div buttons = new Div(cancel, confirm);
        buttons.addClassName("cv-button-row");
        panel.add(heading, explanation, buttons);
        cancel.addAttachListener(e -> cancel.focus());
        return panel;
    }
}
