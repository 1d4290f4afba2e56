package org.convene.core;

import java.security.SecureRandom;

/**
 * A short reference for one unexpected error: the log line carries it and the person sees it, so that when they
 * quote it to the organisers the one log line is found without anyone logging who they are.
 */
public final class ErrorReference {

    // no 0/O or 1/I: people read the reference out loud or copy it by hand
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    public static String next() {
        char[] reference = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            reference[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(reference);
    }
}
