package org.convene.materials;

/**
 * When attendees may see a material. The database works out the moment from the session's times
 * ({@code material_publish_at} in V22) and moves it when the session moves. Stored by name.
 */
public enum Publication {
    /** A draft: only the session's hosts and the organisers see it. */
    HIDDEN("Not yet: keep it hidden"),
    NOW("Now"),
    /** From midnight at the start of the day before the session's day, in the conference's time zone. */
    DAY_BEFORE("The day before the session"),
    /** When the session ends, for answers to a quiz, say. */
    AFTER_SESSION("After the session");

    private final String label;

    Publication(String label) {
        this.label = label;
    }

    /** The choice as the host picks it. */
    public String label() {
        return label;
    }
}
