package org.convene.agenda;

/** Adding a session, or joining its waiting list, when its hosts approve each registration: ask instead. */
public class ApprovalNeededException extends RuntimeException {

    public static final String MESSAGE = "The hosts of this session approve each place, so nothing was added. "
            + "You can ask for a place.";

    public ApprovalNeededException() {
        super(MESSAGE);
    }
}
