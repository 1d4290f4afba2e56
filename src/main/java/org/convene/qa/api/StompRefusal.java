package org.convene.qa.api;

import java.util.Objects;

/**
 * A client frame refused before it is handled. It becomes an ERROR frame with a {@code code} header (one of the
 * constants here, or a Q&A code) and a {@code message} for people; as STOMP requires, the connection then closes.
 */
final class StompRefusal extends RuntimeException {

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String FORBIDDEN_DESTINATION = "FORBIDDEN_DESTINATION";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String NOT_SIGNED_IN = "NOT_SIGNED_IN";
    static final String INVALID_TOKEN = "INVALID_TOKEN";
    static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    static final String TOO_MANY_CONNECTIONS = "TOO_MANY_CONNECTIONS";
    static final String FRAME_BUDGET_EXCEEDED = "FRAME_BUDGET_EXCEEDED";

    private final String code;

    StompRefusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
