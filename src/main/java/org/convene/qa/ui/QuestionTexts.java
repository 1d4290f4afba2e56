package org.convene.qa.ui;

import org.convene.core.time.DateTexts;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;

import java.time.Instant;
import java.time.ZoneId;

/** The words every Q&A view uses for a question, so that the panel, moderation and stage say the same. */
final class QuestionTexts {

    private QuestionTexts() {
    }

    /**
     * Who asked: the name, "Anonymous", or "Sent in by ..." for a question a facilitator typed in. A question
     * sent in without a name is stored as anonymous, so it gets no made-up name here.
     */
    static String author(QuestionView question) {
        if (question.onBehalfOf() != null) {
            return question.anonymous() ? "Sent in by phone or email" : "Sent in by " + question.onBehalfOf();
        }
        return question.authorName() == null ? "Anonymous" : question.authorName();
    }

    /** "asked at 10.32am (UK time)". */
    static String askedAt(Instant askedAt, ZoneId zone) {
        return "asked at " + DateTexts.time(askedAt.atZone(zone).toLocalTime()) + " (" + DateTexts.zoneName(zone) + ")";
    }

    static String time(Instant instant, ZoneId zone) {
        return DateTexts.time(instant.atZone(zone).toLocalTime());
    }

    static String votes(int votes) {
        return votes == 1 ? "1 vote" : votes + " votes";
    }

    /**
     * The first few words of a question, enough to tell buttons and announcements apart without reading
     * out a 500-character question each time.
     */
    /** The "Show more" button's words, for the session page's list and the moderation page's alike. */
    static String showMore(int step) {
        return step == 1 ? "Show 1 more question" : "Show " + step + " more questions";
    }

    static String firstWords(String text, int words) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length <= words) {
            return text.strip().replaceAll("\\s+", " ");
        }
        return String.join(" ", java.util.Arrays.copyOf(parts, words)) + "…";
    }

    static String shortText(QuestionView question) {
        return firstWords(question.text(), 8);
    }

    /** How the asker sees where their question is. */
    static String myStatus(QuestionView question) {
        return switch (question.state()) {
            case PENDING -> "Waiting for approval";
            case APPROVED -> "Everyone can see this question. " + capitalised(votes(question.votes())) + ".";
            case ANSWERED -> "Answered";
            case DISMISSED -> question.dismissReason() == null
                    ? "A facilitator did not approve this question."
                    : "Not shown: " + question.dismissReason();
            case MERGED -> "Merged with a similar question. Its votes now count there.";
        };
    }

    static String stateLabel(QuestionState state) {
        return switch (state) {
            case PENDING -> "Waiting for approval";
            case APPROVED -> "Approved";
            case ANSWERED -> "Answered";
            case DISMISSED -> "Not shown";
            case MERGED -> "Merged";
        };
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
