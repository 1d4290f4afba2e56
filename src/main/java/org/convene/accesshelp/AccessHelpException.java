package org.convene.accesshelp;

import org.convene.core.CodedProblem;

/** A signal the session cannot take now; the message is written for the attendee. */
public class AccessHelpException extends RuntimeException implements CodedProblem {

    public enum Code {
        NOT_SIGNED_IN(Kind.NOT_SIGNED_IN),
        CLOSED(Kind.UNPROCESSABLE),
        RATE_LIMITED(Kind.TOO_MANY_REQUESTS);

        private final Kind kind;

        Code(Kind kind) {
            this.kind = kind;
        }
    }

    private final Code code;
    private final String message;

    public AccessHelpException(Code code, String message) {
        super(message);
        this.code = code;
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }

    public Code code() {
        return code;
    }

    @Override
    public String problemCode() {
        return code.name();
    }

    @Override
    public Kind problemKind() {
        return code.kind;
    }
}
