package org.convene.captions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's final caption lines as a WebVTT file and as a plain transcript, with times relative to the session's
 * start. Pure, so its format is unit-tested.
 */
public final class Transcript {

    /** A cue shows at least this long, so a short line can be read. */
    static final Duration MIN_CUE = Duration.ofSeconds(1);
    /** A cue shows at most this long when no line follows soon. */
    static final Duration MAX_CUE = Duration.ofSeconds(7);

    private Transcript() {
    }

    /** One cue: from and to, relative to the session's start. */
    record Cue(Duration from, Duration to, String text) {
    }

    /**
     * A line's cue starts when its first version arrived, and lasts until the next line starts, at least
     * {@link #MIN_CUE} and at most {@link #MAX_CUE} (or until it was made final, if that was later). Lines sent
     * before the session started count from the start.
     */
    static List<Cue> cues(Instant sessionStart, List<CaptionLine> finalLines) {
        List<Cue> cues = new ArrayList<>(finalLines.size());
        for (int i = 0; i < finalLines.size(); i++) {
            CaptionLine line = finalLines.get(i);
            Duration from = relative(sessionStart, line.startedAt());
            Duration spoken = Duration.between(line.startedAt(), line.sentAt());
            Duration length = spoken.compareTo(MAX_CUE) > 0 ? spoken : MAX_CUE;
            if (i + 1 < finalLines.size()) {
                Duration next = relative(sessionStart, finalLines.get(i + 1).startedAt()).minus(from);
                length = next.compareTo(length) < 0 ? next : length;
            }
            Duration to = from.plus(length.compareTo(MIN_CUE) < 0 ? MIN_CUE : length);
            cues.add(new Cue(from, to, line.text()));
        }
        return cues;
    }

    public static String webVtt(Instant sessionStart, List<CaptionLine> finalLines) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        int number = 1;
        for (Cue cue : cues(sessionStart, finalLines)) {
            out.append('\n').append(number++).append('\n')
                    .append(timestamp(cue.from())).append(" --> ").append(timestamp(cue.to())).append('\n')
                    .append(cueText(cue.text())).append('\n');
        }
        return out.toString();
    }

    /** "[00:01:05] Good morning." per line. */
    public static String plainText(Instant sessionStart, List<CaptionLine> finalLines) {
        StringBuilder out = new StringBuilder();
        for (CaptionLine line : finalLines) {
            out.append('[').append(timestamp(relative(sessionStart, line.startedAt())), 0, 8).append("] ")
                    .append(oneLine(line.text())).append('\n');
        }
        return out.toString();
    }

    /**
     * Cue text may not hold "-->" or a blank line, and "&" and "<" start markup: escaped as the WebVTT
     * specification says, and line breaks become spaces (a caption line is one line).
     */
    static String cueText(String text) {
        return oneLine(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    static String timestamp(Duration at) {
        long millis = at.toMillis();
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }

    private static Duration relative(Instant sessionStart, Instant at) {
        return at.isBefore(sessionStart) ? Duration.ZERO : Duration.between(sessionStart, at);
    }
}
