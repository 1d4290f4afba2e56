package org.convene.polls;

import org.convene.core.CodedProblem;

/**
 * A poll action that cannot happen in the poll's present state (not open, already opened, too many polls) or on a
 * poll that does not exist. Who may act is refused with Spring's AccessDeniedException instead, as everywhere.
 */
public class PollException extends RuntimeException implements CodedProblem {

    public enum Code {
        NOT_FOUND, NOT_OPEN, INVALID_STATE, TOO_MANY_POLLS, SESSION_OVER
    }

    private final Code code;

    public PollException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    @Override
    public String problemCode() {
        return code == Code.NOT_FOUND ? "NOT_FOUND" : "POLL_" + code.name();
    }

    @Override
    public Kind problemKind() {
        return code == Code.NOT_FOUND ? Kind.NOT_FOUND : Kind.UNPROCESSABLE;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? code.name() : message;
    }
}
