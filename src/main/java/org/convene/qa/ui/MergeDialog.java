package org.convene.qa.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QuestionView;

import java.util.List;

/** Merging a question into another: raises a {@link MergeEvent} once a question to merge into is chosen. */
final class MergeDialog extends Dialog {

    private final Select<QuestionView> target = new Select<>();
    private final boolean hasTargets;

    MergeDialog(QuestionView question, List<QuestionView> targets) {
        this.hasTargets = !targets.isEmpty();
        setHeaderTitle("Merge into another question");
        addClassName("cv-mod-dialog");
        target.setLabel("Merge into");
        target.setId("qa-merge-target");
        target.setItems(targets);
        // plain text items: custom-rendered items are not announced (flow-components#162)
        target.setItemLabelGenerator(ModerationLists::mergeLabel);
        target.setWidthFull();
        Paragraph explain = new Paragraph("Its votes move to the question you choose, and it is then hidden. "
                + "Its asker is told it was merged.");
        Button merge = new Button("Merge", e -> merge());
        merge.addThemeVariants(ButtonVariant.PRIMARY);
        add(TextDialog.quoted(question), explain);
        if (hasTargets) {
            add(target);
        } else {
            add(new Paragraph("There is no other open question to merge it into."));
            merge.setEnabled(false);
        }
        getFooter().add(new Button("Cancel", e -> close()), merge);
    }

    /** Opens with the focus on the choice, when there is one. */
    void show() {
        open();
        if (hasTargets) {
            target.focus();
        }
    }

    private void merge() {
        if (target.getValue() == null) {
            target.setErrorMessage("Choose the question to merge into.");
            target.setInvalid(true);
            target.focus();
            return;
        }
        fireEvent(new MergeEvent(this, target.getValue()));
    }

    Registration addMergeListener(ComponentEventListener<MergeEvent> listener) {
        return addListener(MergeEvent.class, listener);
    }

    static final class MergeEvent extends ComponentEvent<MergeDialog> {

        private final QuestionView target;

        MergeEvent(MergeDialog source, QuestionView target) {
            super(source, true);
            this.target = target;
        }

        QuestionView target() {
            return target;
        }
    }
}
