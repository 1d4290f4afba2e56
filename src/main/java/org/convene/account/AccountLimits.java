package org.convene.account;

/**
 * How long an account's texts may be, in characters. The database checks the same (db/V1__accounts.sql,
 * db/V7__api_tokens.sql, and the invitation addresses in db/V14__programme_management.sql), which cannot refer to
 * these: AccountLimitsDatabaseTest fails when the two drift apart.
 */
public final class AccountLimits {

    /** The name shown for a person. */
    public static final int DISPLAY_NAME_MAX = 80;
    /** An email address: the longest a mail server will deliver to (RFC 5321), also for host invitations. */
    public static final int EMAIL_MAX = 254;
    /** A personal access token's name. */
    public static final int TOKEN_NAME_MAX = 100;

    private AccountLimits() {
    }
}
