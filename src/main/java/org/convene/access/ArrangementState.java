package org.convene.access;

/**
 * How far a host has got with an access feature their session advertises. The names are the
 * {@code access_arrangement.state} check's values. Every advertised feature starts as requested.
 */
public enum ArrangementState {
    REQUESTED("Requested", "requested, not booked yet"),
    BOOKED("Booked", "booked"),
    CONFIRMED("Confirmed", "confirmed");

    private final String label;
    private final String inWords;

    ArrangementState(String label, String inWords) {
        this.label = label;
        this.inWords = inWords;
    }

    /** The host's choice, as a radio button says it. */
    public String label() {
        return label;
    }

    /** As a sentence ends: "Live captions: booked." */
    public String inWords() {
        return inWords;
    }

    /** Whether attendees are told: a request alone promises nothing new, so it is not worth their reading. */
    public boolean worthTellingAttendees() {
        return this != REQUESTED;
    }
}
