package org.convene.qa.ui;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a live region says about Q&A changes. A screen reader that is interrupted every second is unusable,
 * so after one announcement the next waits until {@link #WINDOW} has passed, and everything that happened
 * meanwhile is said as one summary ("3 new questions"). Changes to the listener's own question are always
 * said in full: they are about them. Votes are never announced.
 */
final class Announcements {

    static final Duration WINDOW = Duration.ofSeconds(10);

    enum Kind {
        /** About the person's own question: always in full. */
        MINE(""),
        NEW_QUESTION("new questions"),
        /** A new question the page does not show (the list shows only part of a big session): counted, with a hint. */
        NEW_NOT_SHOWN("new questions"),
        WAITING("new questions waiting for approval"),
        ANSWERED("questions answered"),
        ON_STAGE("questions put on stage"),
        REPLY("new replies");

        /** How several of a kind are counted in a summary. */
        private final String many;

        Kind(String many) {
            this.many = many;
        }
    }

    /**
     * @param hint for {@link Kind#NEW_NOT_SHOWN}: what to do to see such questions, ending where "to see them"
     *             follows ("sort by newest"); empty for the others
     */
    record Item(Kind kind, String sentence, String hint) {

        Item(Kind kind, String sentence) {
            this(kind, sentence, "");
        }
    }

    private final Clock clock;
    private final List<Item> held = new ArrayList<>();
    private @Nullable Instant lastSpoken;

    Announcements(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds what just changed and returns what to say now, if anything. When it returns nothing while items
     * are held, call {@link #flush()} after {@link #untilNextAllowed()}.
     */
    Optional<String> offer(List<Item> items) {
        held.addAll(items);
        return flush();
    }

    Optional<String> flush() {
        if (held.isEmpty() || !untilNextAllowed().isZero()) {
            return Optional.empty();
        }
        String text = summarise(held);
        held.clear();
        lastSpoken = clock.instant();
        return Optional.of(text);
    }

    boolean hasHeld() {
        return !held.isEmpty();
    }

    Duration untilNextAllowed() {
        if (lastSpoken == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), lastSpoken.plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    static String summarise(List<Item> items) {
        if (items.size() == 1) {
            return items.getFirst().sentence();
        }
        List<String> sentences = new ArrayList<>();
        Map<Kind, List<Item>> byKind = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.kind() == Kind.MINE) {
                sentences.add(item.sentence());
            } else {
                byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            }
        }
        List<Item> notShown = byKind.remove(Kind.NEW_NOT_SHOWN);
        if (notShown != null) {
            // one sentence about every new question, shown or not, so the numbers add up for the listener
            List<Item> shown = byKind.remove(Kind.NEW_QUESTION);
            sentences.add(notShownSummary(shown == null ? 0 : shown.size(), notShown));
        }
        List<String> counts = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            if (list.size() == 1) {
                sentences.add(list.getFirst().sentence());
            } else {
                counts.add(list.size() + " " + kind.many);
            }
        });
        if (!counts.isEmpty()) {
            String joined = String.join(", ", counts);
            sentences.add(Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".");
        }
        return String.join(" ", sentences.stream().map(Announcements::sentence).toList());
    }

    /** "3 new questions; 2 are not in the list shown: sort by newest to see them." */
    private static String notShownSummary(int shown, List<Item> notShown) {
        int hidden = notShown.size();
        if (shown == 0 && hidden == 1) {
            return notShown.getFirst().sentence();
        }
        int all = shown + hidden;
        return (all == 1 ? "1 new question; " : all + " new questions; ")
                + (hidden == 1 ? "1 is not in the list shown: " : hidden + " are not in the list shown: ")
                + notShown.getLast().hint() + (hidden == 1 ? " to see it." : " to see them.");
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") || trimmed.endsWith("…")
                ? trimmed : trimmed + ".";
    }
}
