package org.convene.recordings;

import org.jspecify.annotations.Nullable;

/**
 * A recording as the publishing form describes it: the recording's address and the formats that make it
 * accessible. Text is trimmed and blank optional fields become null, so "  " is never stored as a link.
 */
public record RecordingDraft(@Nullable String url, @Nullable String captionsUrl, @Nullable String transcriptUrl,
                             @Nullable String easyReadSummary, @Nullable String bslUrl) {

    public static final int EASY_READ_MAX = 5000;

    /** The fields a problem can be about, in the order of the form. */
    public enum Field { URL, CAPTIONS_URL, TRANSCRIPT_URL, BSL_URL, EASY_READ_SUMMARY }

    public RecordingDraft {
        url = clean(url);
        captionsUrl = clean(captionsUrl);
        transcriptUrl = clean(transcriptUrl);
        easyReadSummary = clean(easyReadSummary);
        bslUrl = clean(bslUrl);
    }

    /** A recording without a BSL version. */
    public RecordingDraft(@Nullable String url, @Nullable String captionsUrl, @Nullable String transcriptUrl,
                          @Nullable String easyReadSummary) {
        this(url, captionsUrl, transcriptUrl, easyReadSummary, null);
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
