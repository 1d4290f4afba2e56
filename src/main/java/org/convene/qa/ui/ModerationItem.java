package org.convene.qa.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One question as a facilitator handles it: its words, who asked and when, and the actions its state allows.
 * Each button is made once and shown or hidden, so a refresh does not take the keyboard focus away; its
 * accessible name adds the question's first words, because a list holds many "Approve" buttons.
 */
final class ModerationItem extends ListItem {

    enum Action {
        APPROVE("Approve"),
        EDIT_AND_APPROVE("Edit then approve"),
        ANSWER("Mark answered"),
        STAGE("Put on stage"),
        REPLY("Reply"),
        MERGE("Merge into another question"),
        DISMISS("Dismiss");

        final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private final Paragraph text = new Paragraph();
    private final Paragraph meta = new Paragraph();
    private final Div badges = new Div();
    private final Paragraph note = new Paragraph();
    private final UnorderedList replies = new UnorderedList();
    private final Div actions = new Div();
    private final Map<Action, Button> buttons = new EnumMap<>(Action.class);
    private @Nullable QuestionView question;
    private @Nullable Shown shown;
    private int shownVotes;

    ModerationItem() {
        addClassName("cv-mod-question");
        text.addClassName("cv-question-text");
        meta.addClassName("cv-question-meta");
        badges.addClassName("cv-badges");
        note.addClassName("cv-mod-note");
        replies.addClassName("cv-replies");
        actions.addClassNames("cv-button-row", "cv-mod-actions");
        for (Action action : Action.values()) {
            Button button = new Button(action.label, e -> fireEvent(new ActionEvent(this, action)));
            if (action == Action.APPROVE) {
                button.addThemeVariants(ButtonVariant.PRIMARY);
            }
            buttons.put(action, button);
            actions.add(button);
        }
        add(text, meta, badges, note, replies, actions);
    }

    /** @param mergedIntoText the first words of the question this one was merged into, or null */
    void show(QuestionView question, ZoneId zone, @Nullable String mergedIntoText) {
        this.question = question;
        Shown now = new Shown(question.text(), question.authorName(), question.anonymous(), question.onBehalfOf(),
                question.state(), question.pinned(), question.askedAt(), question.dismissReason(), mergedIntoText,
                question.replies(), zone);
        // the page refreshes several times a second in a busy session, mostly for votes: an item that only
        // gained votes changes one line, and one that did not change is left alone, so the facilitator's page
        // stays quick to answer while the room votes
        if (now.equals(shown)) {
            if (question.votes() != shownVotes) {
                shownVotes = question.votes();
                meta.setText(metaText(question, zone));
            }
            return;
        }
        shown = now;
        shownVotes = question.votes();
        QuestionState state = question.state();
        text.setText(question.text());
        meta.setText(metaText(question, zone));

        badges.removeAll();
        if (state == QuestionState.ANSWERED) {
            badges.add(badge("Answered", "cv-badge-answered"));
        }
        if (question.pinned()) {
            badges.add(badge("On stage", "cv-badge-stage"));
        }
        badges.setVisible(badges.getComponentCount() > 0);

        String noteText = switch (state) {
            case DISMISSED -> question.dismissReason() == null ? "Dismissed without a reason."
                    : "Dismissed. Reason given to the asker: " + question.dismissReason();
            case MERGED -> "Merged into: " + (mergedIntoText == null ? "another question" : mergedIntoText);
            default -> "";
        };
        note.setText(noteText);
        note.setVisible(!noteText.isEmpty());

        replies.removeAll();
        for (ReplyView reply : question.replies()) {
            replies.add(new ListItem("Reply from " + reply.authorName() + ", "
                    + QuestionTexts.time(reply.createdAt(), zone) + ": " + reply.text()));
        }
        replies.setVisible(!question.replies().isEmpty());

        show(Action.APPROVE, state == QuestionState.PENDING || state == QuestionState.DISMISSED);
        show(Action.EDIT_AND_APPROVE, state == QuestionState.PENDING);
        show(Action.ANSWER, state == QuestionState.APPROVED);
        show(Action.STAGE, state.isPublic());
        show(Action.REPLY, state.isPublic());
        show(Action.MERGE, state.isPublic());
        show(Action.DISMISS, state == QuestionState.PENDING || state.isPublic());
        // one button that changes its words keeps the focus where it was after pressing it
        button(Action.STAGE).setText(question.pinned() ? "Take off stage" : "Put on stage");
        String shortText = QuestionTexts.shortText(question);
        buttons.forEach((action, button) -> button.setAriaLabel(button.getText() + ": " + shortText));
        actions.setVisible(buttons.values().stream().anyMatch(Button::isVisible));
    }

    private static String metaText(QuestionView question, ZoneId zone) {
        String who = QuestionTexts.author(question) + ", " + QuestionTexts.askedAt(question.askedAt(), zone);
        return question.state().isPublic() ? who + ". " + capitalised(QuestionTexts.votes(question.votes())) + "."
                : who + ".";
    }

    /** Everything the item shows but the votes. */
    private record Shown(String text, @Nullable String authorName, boolean anonymous, @Nullable String onBehalfOf,
                         QuestionState state, boolean pinned, Instant askedAt, @Nullable String dismissReason,
                         @Nullable String mergedIntoText, List<ReplyView> replies, ZoneId zone) {
    }

    private void show(Action action, boolean visible) {
        button(action).setVisible(visible);
    }

    private static Span badge(String text, String className) {
        Span badge = new Span(text);
        badge.addClassNames("cv-badge", className);
        return badge;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    QuestionView question() {
        return Objects.requireNonNull(question, "an item is shown as soon as it is made");
    }

    Button button(Action action) {
        return Objects.requireNonNull(buttons.get(action), "the constructor makes a button for every action");
    }

    /** The first action a keyboard user would want next, to put focus on after the list changed. */
    Optional<Button> firstAction() {
        return buttons.values().stream().filter(Button::isVisible).findFirst();
    }

    Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    static final class ActionEvent extends ComponentEvent<ModerationItem> {

        private final Action action;

        ActionEvent(ModerationItem source, Action action) {
            super(source, true);
            this.action = action;
        }

        Action action() {
            return action;
        }
    }
}
