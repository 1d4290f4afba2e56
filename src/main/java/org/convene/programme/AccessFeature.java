package org.convene.programme;

/**
 * Access provision a session offers; each matches a boolean column of programme_session.
 * The label is the full wording for lists and filters; the badge is a short form for timetable cards,
 * still plain words so that it does not rely on colour or icons.
 */
public enum AccessFeature {
    BSL_INTERPRETATION("British Sign Language (BSL) interpretation", "BSL interpreted"),
    LIVE_CAPTIONS("Live captions", "Live captions"),
    EASY_READ("Easy read materials", "Easy read"),
    AUDIO_OR_PHONE("Audio-only or phone option", "Audio or phone"),
    BUILT_IN_BREAKS("Built-in breaks", "Breaks built in");

    private final String label;
    private final String badge;

    AccessFeature(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }
}
