package org.convene.captions;

import org.convene.core.CodedProblem;

import java.util.Objects;

/** A caption the session cannot take now, with a code API clients may branch on (docs/api.md). */
public final class CaptionException extends RuntimeException implements CodedProblem {

    public enum Code {
        /** More SENDs than {@link CaptionLimits#SENDS_PER_WINDOW} in {@link CaptionLimits#RATE_WINDOW}. */
        RATE_LIMITED(Kind.TOO_MANY_REQUESTS),
        /** The session has {@link CaptionLimits#LINES_PER_SESSION_MAX} lines. */
        TOO_MANY_LINES(Kind.UNPROCESSABLE),
        /** The session was cancelled. */
        SESSION_CANCELLED(Kind.UNPROCESSABLE);

        private final Kind kind;

        Code(Kind kind) {
            this.kind = kind;
        }
    }

    private final Code code;

    public CaptionException(Code code, String message) {
        super(message, null, false, false);
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
        return code.kind;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
