package org.convene.account;

/**
 * How a signed-in browser session knows which password it was signed in with. A password change bumps
 * app_user.version; every session remembers the version it signed in with (in {@link #VERSION}), and
 * {@link StaleSessionFilter} ends any session whose version no longer matches at its next request. The
 * session that made the change stores the new version, so it stays signed in.
 *
 * <p>API tokens (the /api and /ws chains) are separate credentials and are not ended by a password
 * change: people revoke them on their account page.
 */
public final class AccountSessions {

    /** HTTP session attribute: the account version (an Integer) this session's sign-in is good for. */
    public static final String VERSION = AccountSessions.class.getName() + ".VERSION";

    /** HTTP session attribute: why the previous session ended, for the log-in page to say once. */
    public static final String LOGGED_OUT_BECAUSE = AccountSessions.class.getName() + ".LOGGED_OUT_BECAUSE";

    public static final String PASSWORD_CHANGED_ELSEWHERE =
            "Your password was changed, so you have been logged out. Log in with the new password.";

    public static final String ACCOUNT_DELETED =
            "Your account has been deleted, so you have been logged out. You can sign up again at any time.";

    private AccountSessions() {
    }

    /**
     * Authentication details that carry the account version read at log-in, so that a password changed
     * between log-in and the session's next request still ends it.
     */
    public record SignedInVersion(int version) {
    }
}
