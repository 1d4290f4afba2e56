package org.convene.agenda;

/** Adding a session, or joining its waiting list, after the time its host chose to close registration. */
public class RegistrationClosedException extends RuntimeException {

    public static final String MESSAGE = "Registration for this session has closed, so it cannot be added now.";

    public RegistrationClosedException() {
        super(MESSAGE);
    }
}
