package org.convene.core.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A confirmation before something that cannot be undone (anonymising an account, deleting records). The safe
 * choice comes first and has the focus when the dialog opens, so an Enter pressed at once, by habit or by a
 * switch, does nothing harmful; the destructive button is one Tab away. Escape and the safe button close it
 * without acting. Vaadin's ConfirmDialog is the other way round: its confirm button takes the focus and Enter
 * confirms.
 */
public class SafeConfirmDialog extends Dialog {

    private final Button keep;
    private final Button confirm;

    /**
     * @param id        the dialog's id; its buttons are {@code id-keep} and {@code id-confirm}
     * @param onConfirm what the destructive button does, after the dialog has closed
     */
    public SafeConfirmDialog(String id, String title, String text, String confirmText, String keepText,
                             Runnable onConfirm) {
        setId(id);
        setHeaderTitle(title);
        Paragraph explanation = new Paragraph(text);
        explanation.setId(id + "-text");
        add(explanation);
        keep = new Button(keepText, e -> close());
        keep.setId(id + "-keep");
        keep.setAutofocus(true);
        confirm = new Button(confirmText, e -> {
            close();
            onConfirm.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        getFooter().add(keep, confirm);
        setCloseOnEsc(true);
        // a click beside it is more likely a slip than a choice; Escape closes it, doing nothing, on the server's say
        setCloseOnOutsideClick(false);
        addDialogCloseActionListener(e -> close());
    }

    /** The safe choice, which has the focus when the dialog opens. */
    public Button keepButton() {
        return keep;
    }

    public Button confirmButton() {
        return confirm;
    }
}
