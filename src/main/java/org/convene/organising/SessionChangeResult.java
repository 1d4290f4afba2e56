package org.convene.organising;

/** What happened to a cancel or restore. */
public sealed interface SessionChangeResult {

    /** Written; {@code version} is the session's new version. */
    record Done(int version) implements SessionChangeResult {
    }

    /** Someone changed the session since the page was loaded (or already cancelled or restored it). */
    record Conflict() implements SessionChangeResult {
    }

    /** Nothing written: the message belongs beside the reason field and in the error summary. */
    record Invalid(String message) implements SessionChangeResult {
    }
}
