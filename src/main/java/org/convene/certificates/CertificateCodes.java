package org.convene.certificates;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Verification codes: 20 characters of Crockford's base 32 (100 random bits), printed in groups of four. They
 * are random and stored, not derived from ids or content, so a code tells nothing about the certificate and
 * cannot be guessed or forged; one changed character finds nothing. Reading is forgiving of what people type:
 * case, spaces, dashes, and the letters people confuse with digits (O for 0, I and L for 1).
 */
public final class CertificateCodes {

    public static final int LENGTH = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUP = 4;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private CertificateCodes() {
    }

    static String random() {
        return random(RANDOM);
    }

    static String random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** "ABCD-EFGH-JKMN-PQRS-TVWX": easier to read out and copy than one run of 20 characters. */
    public static String grouped(String code) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < code.length(); i += GROUP) {
            if (i > 0) {
                text.append('-');
            }
            text.append(code, i, Math.min(code.length(), i + GROUP));
        }
        return text.toString();
    }

    /** The stored form of what someone typed or followed, or empty when it cannot be a code at all. */
    public static Optional<String> read(String presented) {
        if (presented.length() > LENGTH * 3) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : presented.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}
