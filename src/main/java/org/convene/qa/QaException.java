package org.convene.qa;

import org.convene.core.CodedProblem;
import java.util.Objects;

/** A Q&A action refused, with a code for API clients and a plain-language message for people. */
public class QaException extends RuntimeException implements CodedProblem {

    public enum Code {
        EMPTY, TOO_LONG, CLOSED, SESSION_OVER, RATE_LIMITED, NOT_SIGNED_IN, FORBIDDEN, NOT_FOUND, INVALID_STATE,
        ANONYMOUS_NOT_ALLOWED, OWN_QUESTION, INVALID_CHARACTER
    }

    private final Code code;

    public QaException(Code code, String message) {
        super(message);
        this.code = code;
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
        return switch (code) {
            case NOT_FOUND -> Kind.NOT_FOUND;
            case NOT_SIGNED_IN -> Kind.NOT_SIGNED_IN;
            case FORBIDDEN -> Kind.FORBIDDEN;
            case RATE_LIMITED -> Kind.TOO_MANY_REQUESTS;
            default -> Kind.UNPROCESSABLE;
        };
    }

    /** Never null: every refusal says why, in words for people. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
