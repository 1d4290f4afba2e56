package org.convene.qa;

/**
 * The two event streams of a session, each with its own gap-free sequence: the public one carries only what
 * everyone may see; the moderators' one carries every change, pending questions included.
 */
public enum QaStream {
    PUBLIC,
    MODERATION
}
