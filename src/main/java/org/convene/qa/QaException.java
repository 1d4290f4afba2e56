package org.convene.qa;

import java.util.Objects;

/** A Q&A action refused, with a code for API clients and a plain-language message for people. */
public class QaException extends RuntimeException {

    public enum Code {
        EMPTY, TOO_LONG, CLOSED, SESSION_OVER, RATE_LIMITED, NOT_SIGNED_IN, FORBIDDEN, NOT_FOUND, INVALID_STATE,
        ANONYMOUS_NOT_ALLOWED, OWN_QUESTION
    }

    private final Code code;

    public QaException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** Never null: every refusal says why, in words for people. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
