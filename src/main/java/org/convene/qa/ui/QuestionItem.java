package org.convene.qa.ui;

import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One public question in the attendee's list, as this page's browser was last told to show it: its words, who
 * asked and when, badges in words ("Answered", "On stage"), replies, the vote count, and an up-vote toggle for
 * someone who may vote.
 * <p>
 * A plenary puts hundreds of these on each of thousands of pages. So an item is not a tree of server elements
 * (each would cost memory on every page, and a reorder would take them apart and put them back): it is what was
 * sent, and {@link #show} answers only what differs, for the page's {@code convene-questions} element
 * (frontend/components/convene-questions.js) to draw with the same tags and classes as before.
 */
final class QuestionItem {

    /** What the item may offer the person looking at it. */
    enum Voting {
        /** Signed in, not their own, session still on. */
        CAN_VOTE,
        OWN_QUESTION,
        NOT_SIGNED_IN,
        CLOSED
    }

    private @Nullable QuestionView question;
    private boolean voted;
    private @Nullable Voting voting;
    private @Nullable ZoneId zone;
    private boolean justAsked;
    private String bodyHtml = "";
    private String voteCountText = "";
    private String voteNote = "";
    private boolean voteShown;
    private boolean votePressedSent;
    private String voteLabel = "";

    /**
     * Takes the question as it is now; returns what the browser must change to show it (with the item's
     * {@code id}), or nothing when it shows it already.
     *
     * @param justAsked shown below the top questions only because it is one of the newest (see {@link QuestionWindow})
     */
    @Nullable ObjectNode show(QuestionView question, boolean voted, Voting voting, ZoneId zone, boolean justAsked,
                              Html html) {
        // most items are unchanged by most updates: saying so costs nothing, sending them would cost every page
        if ((question == this.question || question.equals(this.question)) && voted == this.voted
                && voting == this.voting && zone.equals(this.zone) && justAsked == this.justAsked) {
            return null;
        }
        boolean first = this.question == null;
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.put("id", question.id());
        this.question = question;
        this.voted = voted;
        this.voting = voting;
        this.zone = zone;
        if (first || justAsked != this.justAsked) {
            this.justAsked = justAsked;
            change.put("justAsked", justAsked);
        }
        String body = html.of(question, zone, justAsked);
        if (!body.equals(bodyHtml)) {
            bodyHtml = body;
            change.put("html", body);
        }
        String votes = QuestionTexts.votes(question.votes());
        if (!votes.equals(voteCountText)) {
            voteCountText = votes;
            change.put("count", votes);
        }
        String note = switch (voting) {
            case CAN_VOTE -> voted ? "You up-voted this." : "";
            case OWN_QUESTION -> "You asked this, so you cannot vote for it.";
            case NOT_SIGNED_IN, CLOSED -> "";
        };
        if (first || !note.equals(voteNote)) {
            voteNote = note;
            change.put("note", note);
        }
        boolean shown = voting == Voting.CAN_VOTE;
        String label = shown || voteShown ? "Up-vote: " + QuestionTexts.shortText(question) + ", " + votes : "";
        if (shown != voteShown || (shown && (!label.equals(voteLabel) || voted != votePressedSent))) {
            voteShown = shown;
            voteLabel = label;
            votePressedSent = voted;
            change.putObject("vote").put("show", shown).put("pressed", voted).put("label", label);
        }
        return change.size() > 1 ? change : null;
    }

    /** A copy to change, where this one may be shared by other pages and must stay as it is. */
    QuestionItem copy() {
        QuestionItem copy = new QuestionItem();
        copy.question = question;
        copy.voted = voted;
        copy.voting = voting;
        copy.zone = zone;
        copy.justAsked = justAsked;
        copy.bodyHtml = bodyHtml;
        copy.voteCountText = voteCountText;
        copy.voteNote = voteNote;
        copy.voteShown = voteShown;
        copy.votePressedSent = votePressedSent;
        copy.voteLabel = voteLabel;
        return copy;
    }

    /** Everything the browser needs to draw the item from nothing (the page was rebuilt). */
    ObjectNode whole() {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.put("id", questionId()).put("justAsked", justAsked).put("html", bodyHtml).put("count", voteCountText)
                .put("note", voteNote);
        all.putObject("vote").put("show", voteShown).put("pressed", votePressedSent).put("label", voteLabel);
        return all;
    }

    /** Where an item gets a question's HTML. */
    @FunctionalInterface
    interface Html {
        String of(QuestionView question, ZoneId zone, boolean justAsked);
    }

    /** The question's words, author, time, badges and replies, as the page shows them. */
    static String bodyHtml(QuestionView question, ZoneId zone, boolean justAsked) {
        StringBuilder html = new StringBuilder(256)
                .append("<p class=\"cv-question-text\">").append(escape(question.text())).append("</p>")
                .append("<p class=\"cv-question-meta\">")
                .append(escape(QuestionTexts.author(question) + ", " + QuestionTexts.askedAt(question.askedAt(), zone)))
                .append("</p>");
        boolean answered = question.state() == QuestionState.ANSWERED;
        if (justAsked || answered || question.pinned()) {
            html.append("<div class=\"cv-badges\">");
            if (justAsked) {
                html.append("<span class=\"cv-badge cv-badge-new\">Just asked</span>");
            }
            if (answered) {
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

    /** Whether the person pressed the toggle last, as the page shows it: a press asks for the opposite. */
    boolean voted() {
        return voted;
    }

    // ---- for tests: read back what the page was sent, not the model -------------------------------------

    boolean voteButtonShown() {
        return voteShown;
    }

    /** The toggle's aria-pressed, "true" or "false". */
    String votePressed() {
        return Boolean.toString(votePressedSent);
    }

    String voteLabel() {
        return voteLabel;
    }

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
        return voteNote;
    }

    boolean justAsked() {
        return justAsked;
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
}
