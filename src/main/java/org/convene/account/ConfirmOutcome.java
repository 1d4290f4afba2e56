package org.convene.account;

/** What opening a confirmation link did (an address confirmed, or moved to a new one), or why it did nothing. */
public sealed interface ConfirmOutcome {

    record Confirmed(String email) implements ConfirmOutcome {
    }

    record AddressChanged(String email) implements ConfirmOutcome {
    }

    /**
     * @param kind    which kind of link it was, when known, so the page can offer the right way to get a new one
     * @param message why, in plain words
     */
    record Refused(Reason reason, AccountLink.@org.jspecify.annotations.Nullable Kind kind, String message)
            implements ConfirmOutcome {
    }

    enum Reason { UNKNOWN, EXPIRED, USED, ADDRESS_TAKEN }
}
