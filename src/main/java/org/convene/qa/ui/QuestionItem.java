package org.convene.qa.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;

import java.time.ZoneId;
import java.util.List;

/**
 * One public question in the attendee's list: its words, who asked and when, badges in words ("Answered",
 * "On stage"), the vote count, replies, and an up-vote toggle. Updated in place on every refresh.
 */
final class QuestionItem extends ListItem {

    /** What the item may offer the person looking at it. */
    enum Voting {
        /** Signed in, not their own, session still on. */
        CAN_VOTE,
        OWN_QUESTION,
        NOT_SIGNED_IN,
        CLOSED
    }

    private final Paragraph text = new Paragraph();
    private final Paragraph meta = new Paragraph();
    private final Div badges = new Div();
    private final Div voteRow = new Div();
    private final Button voteButton = new Button("Up-vote");
    private final Span voteCount = new Span();
    private final Span voteNote = new Span();
    private final UnorderedList replies = new UnorderedList();

    private QuestionView question;
    private boolean voted;
    private Voting voting;
    private ZoneId zone;
    private List<ReplyView> shownReplies = List.of();
    private ZoneId repliesZone;

    QuestionItem() {
        addClassName("cv-question");
        text.addClassName("cv-question-text");
        meta.addClassName("cv-question-meta");
        badges.addClassName("cv-badges");
        voteRow.addClassName("cv-vote-row");
        voteButton.addClassName("cv-vote");
        voteCount.addClassName("cv-vote-count");
        voteNote.addClassName("cv-muted");
        replies.addClassName("cv-replies");
        voteButton.addClickListener(e -> fireEvent(new VoteEvent(this, !voted)));
        voteRow.add(voteButton, voteCount, voteNote);
        add(text, meta, badges, voteRow, replies);
    }

    void show(QuestionView question, boolean voted, Voting voting, ZoneId zone) {
        // most items are unchanged by most updates: touching them would still cost the server work and bytes
        if (question.equals(this.question) && voted == this.voted && voting == this.voting && zone.equals(this.zone)) {
            return;
        }
        this.question = question;
        this.voted = voted;
        this.voting = voting;
        this.zone = zone;
        text.setText(question.text());
        meta.setText(QuestionTexts.author(question) + ", " + QuestionTexts.askedAt(question.askedAt(), zone));
        badges.removeAll();
        if (question.state() == QuestionState.ANSWERED) {
            badges.add(badge("Answered", "cv-badge-answered"));
        }
        if (question.pinned()) {
            badges.add(badge("On stage", "cv-badge-stage"));
        }
        badges.setVisible(badges.getComponentCount() > 0);
        voteCount.setText(QuestionTexts.votes(question.votes()));
        voteButton.setVisible(voting == Voting.CAN_VOTE);
        voteButton.getElement().setAttribute("aria-pressed", Boolean.toString(voted));
        voteButton.setAriaLabel("Up-vote: " + QuestionTexts.shortText(question) + ", " + QuestionTexts.votes(question.votes()));
        voteNote.setText(switch (voting) {
            case CAN_VOTE -> voted ? "You up-voted this." : "";
            case OWN_QUESTION -> "You asked this, so you cannot vote for it.";
            case NOT_SIGNED_IN, CLOSED -> "";
        });
        voteNote.setVisible(!voteNote.getText().isEmpty());
        if (!question.replies().equals(shownReplies) || !zone.equals(repliesZone)) {
            shownReplies = question.replies();
            repliesZone = zone;
            replies.removeAll();
            for (ReplyView reply : question.replies()) {
                ListItem item = new ListItem();
                Span who = new Span("Reply from " + reply.authorName() + ", " + QuestionTexts.time(reply.createdAt(), zone) + ": ");
                who.addClassName("cv-reply-author");
                item.add(who, new Span(reply.text()));
                replies.add(item);
            }
        }
        replies.setVisible(!question.replies().isEmpty());
    }

    private static Span badge(String text, String className) {
        Span badge = new Span(text);
        badge.addClassNames("cv-badge", className);
        return badge;
    }

    long questionId() {
        return question.id();
    }

    QuestionView question() {
        return question;
    }

    Button voteButton() {
        return voteButton;
    }

    String metaText() {
        return meta.getText();
    }

    List<String> badgeTexts() {
        return badges.getChildren().map(c -> c.getElement().getText()).toList();
    }

    String voteCountText() {
        return voteCount.getText();
    }

    String voteNoteText() {
        return voteNote.isVisible() ? voteNote.getText() : "";
    }

    List<String> replyTexts() {
        return replies.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    Registration addVoteListener(ComponentEventListener<VoteEvent> listener) {
        return addListener(VoteEvent.class, listener);
    }

    /** The person pressed the up-vote toggle: up is the state they asked for. */
    static final class VoteEvent extends ComponentEvent<QuestionItem> {

        private final boolean up;

        VoteEvent(QuestionItem source, boolean up) {
            super(source, true);
            this.up = up;
        }

        boolean up() {
            return up;
        }
    }
}
