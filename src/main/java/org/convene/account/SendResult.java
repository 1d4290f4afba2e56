package org.convene.account;

/** What happened when someone asked for an account link to be sent; the message is for the page, as it is. */
public sealed interface SendResult {

    String message();

    record Sent(String message) implements SendResult {
    }

    /** Nothing was sent: a limit, an address in the wrong form, or nothing to send. */
    record NotSent(String message) implements SendResult {
    }
}
