package org.convene.programme;

public class NoSuchSessionException extends RuntimeException {

    public NoSuchSessionException(long sessionId) {
        super("There is no session with id " + sessionId + ". It may have been removed from the programme.");
    }
}
