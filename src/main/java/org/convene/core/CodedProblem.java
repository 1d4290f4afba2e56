package org.convene.core;

/**
 * A refusal a feature reports with a stable code that API clients may branch on, and what kind of refusal it is.
 * The API turns the kind into an HTTP status (see core.api.ProblemDetailsAdvice), so features never speak HTTP.
 */
public interface CodedProblem {

    enum Kind {
        /** The request itself is wrong (HTTP 400). */
        INVALID,
        /** Understood, but the thing cannot be done in its present state (HTTP 422). */
        UNPROCESSABLE,
        NOT_SIGNED_IN,
        FORBIDDEN,
        NOT_FOUND,
        TOO_MANY_REQUESTS,
        /** The body is larger than the endpoint reads (HTTP 413). */
        TOO_LARGE
    }

    /** Stable, upper case, documented in docs/api.md: never reworded. */
    String problemCode();

    Kind problemKind();

    /** Plain language, safe to show to the person: it names nothing internal. */
    String getMessage();
}
