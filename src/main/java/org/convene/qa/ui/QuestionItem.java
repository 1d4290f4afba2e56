package org.convene.qa.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One public question in the attendee's list: its words, who asked and when, badges in words ("Answered",
 * "On stage"), the vote count, replies, and an up-vote toggle. Updated in place on every refresh.
 * <p>
 * A plenary puts hundreds of these on each of thousands of pages, and every element the server tracks costs
 * memory per page. So the parts nobody interacts with (words, author, badges, replies) are one element whose
 * HTML is written here, escaped, with the same tags and classes as before; only the vote count and the button
 * are elements of their own, and the button exists only for someone who may vote.
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

    private final Element body = new Element("div");
    // The count is a plain element holding HTML rather than a component with a text node, and the row that lays it
    // out beside a vote button or note exists only once there is one: most of a plenary's pages are signed out,
    // and each tracked node costs every page memory for every question.
    private @Nullable Element voteRow;
    private final Element voteCount = new Element("span");
    private String voteCountText = "";
    private @Nullable Button voteButton;
    private @Nullable Span voteNote;

    private @Nullable QuestionView question;
    private boolean voted;
    private @Nullable Voting voting;
    private @Nullable ZoneId zone;
    private boolean justAsked;
    private String bodyHtml = "";

    QuestionItem() {
        addClassName("cv-question");
        body.getClassList().add("cv-question-body");
        voteCount.getClassList().add("cv-vote-count");
        getElement().appendChild(body, voteCount);
    }

    void show(QuestionView question, boolean voted, Voting voting, ZoneId zone) {
        show(question, voted, voting, zone, false);
    }

    /** @param justAsked shown below the top questions only because it is one of the newest (see {@link QuestionWindow}) */
    void show(QuestionView question, boolean voted, Voting voting, ZoneId zone, boolean justAsked) {
        // most items are unchanged by most updates: touching them would still cost the server work and bytes
        if (question.equals(this.question) && voted == this.voted && voting == this.voting && zone.equals(this.zone)
                && justAsked == this.justAsked) {
            return;
        }
        this.question = question;
        this.voted = voted;
        this.voting = voting;
        this.zone = zone;
        if (justAsked != this.justAsked) {
            this.justAsked = justAsked;
            setClassName("cv-question-just-asked", justAsked);
        }
        String html = bodyHtml(question, zone, justAsked);
        if (!html.equals(bodyHtml)) {
            bodyHtml = html;
            body.setProperty("innerHTML", html);
        }
        String votes = QuestionTexts.votes(question.votes());
        if (!votes.equals(voteCountText)) {
            voteCountText = votes;
            voteCount.setProperty("innerHTML", escape(votes));
        }
        if (voting == Voting.CAN_VOTE || voteButton != null) {
            Button button = voteButton();
            button.setVisible(voting == Voting.CAN_VOTE);
            button.getElement().setAttribute("aria-pressed", Boolean.toString(voted));
            button.setAriaLabel("Up-vote: " + QuestionTexts.shortText(question) + ", " + QuestionTexts.votes(question.votes()));
        }
        String note = switch (voting) {
            case CAN_VOTE -> voted ? "You up-voted this." : "";
            case OWN_QUESTION -> "You asked this, so you cannot vote for it.";
            case NOT_SIGNED_IN, CLOSED -> "";
        };
        if (!note.isEmpty() || voteNote != null) {
            if (voteNote == null) {
                voteNote = new Span();
                voteNote.addClassName("cv-muted");
                voteRow().appendChild(voteNote.getElement());
            }
            voteNote.setText(note);
            voteNote.setVisible(!note.isEmpty());
        }
    }

    /** The question's words, author, time, badges and replies, as the page shows them. */
    static String bodyHtml(QuestionView question, ZoneId zone) {
        return bodyHtml(question, zone, false);
    }

    static String bodyHtml(QuestionView question, ZoneId zone, boolean justAsked) {
        StringBuilder html = new StringBuilder(256)
                .append("<p class=\"cv-question-text\">").append(escape(question.text())).append("</p>")
                .append("<p class=\"cv-question-meta\">")
                .append(escape(QuestionTexts.author(question) + ", " + QuestionTexts.askedAt(question.askedAt(), zone)))
                .append("</p>");
        List<String> badges = badges(question, justAsked);
        if (!badges.isEmpty()) {
            html.append("<div class=\"cv-badges\">");
            if (justAsked) {
                html.append("<span class=\"cv-badge cv-badge-new\">Just asked</span>");
            }
            if (question.state() == QuestionState.ANSWERED) {
                html.append("<span class=\"cv-badge cv-badge-answered\">Answered</span>");
            }
            if (question.pinned()) {
                html.append("<span class=\"cv-badge cv-badge-stage\">On stage</span>");
            }
            html.append("</div>");
        }
        if (!question.replies().isEmpty()) {
            html.append("<ul class=\"cv-replies\">");
            for (ReplyView reply : question.replies()) {
                html.append("<li><span class=\"cv-reply-author\">")
                        .append(escape("Reply from " + reply.authorName() + ", " + QuestionTexts.time(reply.createdAt(), zone) + ": "))
                        .append("</span><span>").append(escape(reply.text())).append("</span></li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    private static List<String> badges(QuestionView question, boolean justAsked) {
        List<String> badges = new ArrayList<>(3);
        if (justAsked) {
            badges.add("Just asked");
        }
        if (question.state() == QuestionState.ANSWERED) {
            badges.add("Answered");
        }
        if (question.pinned()) {
            badges.add("On stage");
        }
        return badges;
    }

    /** Text made safe to place between tags or inside a quoted attribute: anyone can type a question. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    long questionId() {
        return question().id();
    }

    QuestionView question() {
        return Objects.requireNonNull(question, "an item is shown as soon as it is made");
    }

    /** The up-vote toggle, made the first time someone may vote (or a test asks for it). */
    Button voteButton() {
        if (voteButton == null) {
            voteButton = new Button("Up-vote");
            voteButton.addClassName("cv-vote");
            voteButton.setVisible(false);
            voteButton.addClickListener(e -> fireEvent(new VoteEvent(this, !voted)));
            voteRow().insertChild(0, voteButton.getElement());
        }
        return voteButton;
    }

    /** The row that puts the count beside a vote button or a note; made, around the count, when first needed. */
    private Element voteRow() {
        Element row = voteRow;
        if (row == null) {
            row = new Element("div");
            row.getClassList().add("cv-vote-row");
            getElement().insertChild(getElement().indexOfChild(voteCount), row);
            voteCount.removeFromParent();
            row.appendChild(voteCount);
            voteRow = row;
        }
        return row;
    }

    // ---- for tests: read back what the page was sent, not the model -------------------------------------

    String metaText() {
        return rendered("<p class=\"cv-question-meta\">", "</p>").getFirst();
    }

    List<String> badgeTexts() {
        return rendered("<span class=\"cv-badge ", "</span>").stream().map(s -> s.substring(s.indexOf('>') + 1)).toList();
    }

    String voteCountText() {
        return voteCountText;
    }

    String voteNoteText() {
        return voteNote != null && voteNote.isVisible() ? voteNote.getText() : "";
    }

    List<String> replyTexts() {
        return rendered("<li>", "</li>").stream().map(s -> s.replaceAll("<[^>]*>", "")).toList();
    }

    /** The unescaped contents of every stretch of the body between these markers. */
    private List<String> rendered(String start, String end) {
        List<String> found = new ArrayList<>();
        int at = bodyHtml.indexOf(start);
        while (at >= 0) {
            int from = at + start.length();
            int to = bodyHtml.indexOf(end, from);
            found.add(unescape(bodyHtml.substring(from, to)));
            at = bodyHtml.indexOf(start, to);
        }
        return found;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** What the list item's HTML says, for tests that check the escaping. */
    String bodyHtml() {
        return bodyHtml;
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
