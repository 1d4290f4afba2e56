package org.convene.account;

import org.convene.core.TextRule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for names, email addresses and passwords, with the messages shown when one is broken.
 * Messages follow the GOV.UK pattern: say what went wrong and how to fix it, in plain words.
 */
final class AccountRules {

    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 128;
    /** Shorter names and email local parts would rule out too many good passwords ("al", "jo"). */
    private static final int PERSONAL_TEXT_MIN = 3;

    // Deliberately loose: one @, something before it, a dot in the domain, no spaces. A confirmation
    // email is the only real test of an address.
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$");

    private static final Set<String> COMMON_PASSWORDS = load("common-passwords.txt");

    private AccountRules() {
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String normaliseName(String name) {
        return name == null ? "" : name.strip();
    }

    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter your name");
        }
        if (length(name) > AccountLimits.DISPLAY_NAME_MAX) {
            return Optional.of("Your name must be " + AccountLimits.DISPLAY_NAME_MAX + " characters or fewer");
        }
        return TextRule.problem("Your name", name, TextRule.Lines.ONE);
    }

    /** Format and length only; whether the address is already taken needs the database. */
    static Optional<String> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of("Enter your email address");
        }
        if (length(email) > AccountLimits.EMAIL_MAX) {
            return Optional.of("Your email address must be " + AccountLimits.EMAIL_MAX + " characters or fewer");
        }
        Optional<String> unstorable = TextRule.problem("Your email address", email, TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            return unstorable;
        }
        if (!EMAIL.matcher(email).matches()) {
            return Optional.of("Enter an email address in the correct format, like name@example.com");
        }
        return Optional.empty();
    }

    /**
     * @param what "password" or "new password", so each message names the field it is shown beside
     */
    static Optional<String> passwordProblem(String password, String what, String email, String name) {
        String capital = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a " + what);
        }
        int length = length(password);
        if (length < PASSWORD_MIN) {
            return Optional.of(capital + " must be at least " + PASSWORD_MIN + " characters");
        }
        if (length > PASSWORD_MAX) {
            return Optional.of(capital + " must be " + PASSWORD_MAX + " characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower)) {
            return Optional.of(capital + " is too easy to guess because many people use it. Choose a different one");
        }
        if (containsPersonalText(lower, email, name)) {
            return Optional.of(capital + " must not contain your name or email address");
        }
        return Optional.empty();
    }

    private static boolean containsPersonalText(String lowerPassword, String email, String name) {
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String lowerName = name.toLowerCase(Locale.ROOT);
        String nameWithoutSpaces = lowerName.replaceAll("\\s+", "");
        for (String personal : new String[] {localPart.toLowerCase(Locale.ROOT), lowerName, nameWithoutSpaces}) {
            if (length(personal) >= PERSONAL_TEXT_MIN && lowerPassword.contains(personal)) {
                return true;
            }
        }
        return false;
    }

    /** Characters as people count them (and PostgreSQL's length() does), not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static boolean isCommonPassword(String password) {
        return COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = AccountRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
