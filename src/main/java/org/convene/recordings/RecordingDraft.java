package org.convene.recordings;

/**
 * A recording as the publishing form describes it: the recording's address and the formats that make it
 * accessible. Text is trimmed and blank optional fields become null, so "  " is never stored as a link.
 */
public record RecordingDraft(String url, String captionsUrl, String transcriptUrl, String easyReadSummary) {

    public static final int EASY_READ_MAX = 5000;

    /** The fields a problem can be about, in the order of the form. */
    public enum Field { URL, CAPTIONS_URL, TRANSCRIPT_URL, EASY_READ_SUMMARY }

    public RecordingDraft {
        url = clean(url);
        captionsUrl = clean(captionsUrl);
        transcriptUrl = clean(transcriptUrl);
        easyReadSummary = clean(easyReadSummary);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
