package org.convene.attendance;

import java.net.URI;

/** Where following a session's Join link leads. */
public sealed interface JoinOutcome {

    /** The join window is open: on to the meeting. */
    record Meeting(URI address) implements JoinOutcome {
    }

    /** Too early, over, cancelled or no such session: the session's page says which. */
    record NotOpen() implements JoinOutcome {
    }

    /** The conference asks for an account and nobody is signed in: log in first, then come back. */
    record SignInFirst() implements JoinOutcome {
    }

    /** The stored link cannot be used as a web address; the organisers must fix it. */
    record LinkBroken() implements JoinOutcome {
    }
}
