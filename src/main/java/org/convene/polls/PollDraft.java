package org.convene.polls;

import java.util.List;

/** A poll as a facilitator writes it. Blank options are ignored, so a form may offer more fields than are used. */
public record PollDraft(String question, List<String> options, boolean multiple, boolean anonymous) {

    /** The form's fields, as named in {@link org.convene.core.SaveResult.Invalid#problems()}. */
    public static final String QUESTION = "question";
    public static final String OPTIONS = "options";

    public PollDraft {
        options = List.copyOf(options);
    }
}
