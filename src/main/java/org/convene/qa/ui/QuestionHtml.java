package org.convene.qa.ui;

import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A question's HTML as the session page shows it, written once per node and shared by every open page. Thousands
 * of pages show the same questions: each page writing and keeping its own copy cost every page memory for every
 * question, and the work of writing it on every change.
 */
@Component
class QuestionHtml {

    /**
     * Questions kept at most; past it the cache starts again (pages keep the copies they hold). A plenary's
     * questions in a few time zones, shown as "just asked" or not, fit many times over.
     */
    static final int MOST_KEPT = 20_000;

    private final Map<Key, String> kept = new ConcurrentHashMap<>();

    String of(QuestionView question, ZoneId zone, boolean justAsked) {
        Key key = new Key(question.id(), question.text(), question.authorName(), question.anonymous(),
                question.onBehalfOf(), question.askedAt(), question.state() == QuestionState.ANSWERED,
                question.pinned(), question.replies(), zone, justAsked);
        String html = kept.get(key);
        if (html == null) {
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            html = QuestionItem.bodyHtml(question, zone, justAsked);
            String raced = kept.putIfAbsent(key, html);
            if (raced != null) {
                html = raced;
            }
        }
        return html;
    }

    int size() {
        return kept.size();
    }

    /** What the HTML shows (never the votes: they change many times a second and are sent apart). */
    private record Key(long id, String text, @Nullable String authorName, boolean anonymous, @Nullable String onBehalfOf,
                       Instant askedAt, boolean answered, boolean pinned, List<ReplyView> replies, ZoneId zone,
                       boolean justAsked) {
    }
}
