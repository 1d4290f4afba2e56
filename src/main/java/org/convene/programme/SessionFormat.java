package org.convene.programme;

/** What kind of session it is, named the way attendees talk about it. Matches programme_session.format. */
public enum SessionFormat {
    WEBINAR("Webinar"),
    WORKSHOP("Workshop"),
    TALK("Talk"),
    PANEL("Panel discussion"),
    SOCIAL("Social"),
    PERFORMANCE("Performance"),
    DROP_IN("Drop-in");

    private final String label;

    SessionFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
