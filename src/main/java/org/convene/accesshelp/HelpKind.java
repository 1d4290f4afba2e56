package org.convene.accesshelp;

/**
 * What an attendee can tell the facilitators with one press. The labels are the buttons' words, written as the
 * attendee would say them. Stored by name: renaming a constant needs a migration.
 */
public enum HelpKind {
    CAPTIONS_STOPPED("Captions have stopped"),
    CANNOT_HEAR("I cannot hear"),
    TOO_FAST("Too fast"),
    NEED_BREAK("I need a break"),
    CANNOT_SEE_INTERPRETER("I cannot see the interpreter"),
    SOMETHING_ELSE("Something else");

    private final String label;

    HelpKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
