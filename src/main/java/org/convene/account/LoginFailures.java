package org.convene.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;

/** What the log-in page tells someone whose log-in failed, and where it finds what they typed. */
public final class LoginFailures {

    /** Session attribute holding the email address of the last failed log-in, to fill the form in again. */
    public static final String ATTEMPTED_EMAIL = LoginFailures.class.getName() + ".ATTEMPTED_EMAIL";

    public static final String INCORRECT_EMAIL_OR_PASSWORD = "Incorrect email or password";

    private LoginFailures() {
    }

    /**
     * @param exception what Spring Security stored under WebAttributes.AUTHENTICATION_EXCEPTION, or null
     *                  when the session no longer has it (then wrong credentials are by far the likeliest)
     */
    public static String messageFor(@Nullable Object exception) {
        if (exception instanceof TooManyLoginAttemptsException tooMany) {
            return tooMany.getMessage();
        }
        if (exception == null || exception instanceof BadCredentialsException) {
            return INCORRECT_EMAIL_OR_PASSWORD;
        }
        return "Sorry, there is a problem with logging in. Try again later.";
    }
}
