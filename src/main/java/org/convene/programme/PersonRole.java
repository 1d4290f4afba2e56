package org.convene.programme;

/** What a person does in a session. Matches session_person.role. */
public enum PersonRole {
    FACILITATOR("Facilitator", "Facilitators"),
    SPEAKER("Speaker", "Speakers"),
    /** Types the session's live captions (the captions feature); a confirmed account, like a facilitator. */
    CAPTIONER("Captioner", "Captioners");

    private final String label;
    private final String plural;

    PersonRole(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }
}
