package org.convene.account;

import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * Email and password log-in (the form and HTTP Basic), with {@link LoginAttempts} slowing guessing per account
 * and client address. The only AuthenticationProvider
 * bean, so Spring Security's global AuthenticationManager and the form log-in both use it, and no
 * unthrottled provider is built from the UserDetailsService bean (Spring's warning that it skips that is
 * turned off in application.properties).
 *
 * <p>A wrong password and an unknown address give the same message, and both cost one password hash,
 * so neither the words nor the time taken tell whether an address has an account.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = LoginFailures.INCORRECT_EMAIL_OR_PASSWORD;

    private final AccountUserDetailsService users;
    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwordEncoder;
    private volatile @Nullable String dummyHash;

    ThrottledAuthenticationProvider(AccountUserDetailsService users, AccountRepository accounts,
                                    LoginAttempts attempts, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.accounts = accounts;
        this.attempts = attempts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = AccountRules.normaliseEmail(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (!TextRule.allows(email, TextRule.Lines.ONE)) {
            // no account has such an address, and PostgreSQL would refuse a NUL in the look-up
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }

        // Counted before the lookup and the hash, alike for addresses with and without an account.
        LoginAttempts.Attempt attempt = attempts.begin(email, ClientAddresses.of(authentication));
        // Read before the hash: if the password changes in between, the session ends at once rather
        // than outliving the password it was signed in with.
        int version = accounts.version(email).orElse(-1);
        ConveneUser user;
        try {
            user = users.loadUserByUsername(email);
        } catch (UsernameNotFoundException unknown) {
            passwordEncoder.matches(password, dummyHash());
            attempts.failed(attempt, null);
            throw refusal(attempt.waitIfWrong());
        }

        if (!passwordEncoder.matches(password, user.passwordHash())) {
            attempts.failed(attempt, user);
            throw refusal(attempt.waitIfWrong());
        }
        attempts.succeeded(attempt);
        // The session keeps the principal: leave the hash in the database.
        ConveneUser principal = new ConveneUser(user.id(), user.email(), user.displayName(), "", user.roles());
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(new AccountSessions.SignedInVersion(version));
        return result;
    }

    /** The failure that starts a pause says so at once, rather than letting the next attempt find out. */
    private static AuthenticationException refusal(Duration wait) {
        return wait.isZero() ? new BadCredentialsException(BAD_CREDENTIALS) : new TooManyLoginAttemptsException(wait);
    }

    /** A hash of a random password made with the current encoder, so unknown addresses cost the same work. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwordEncoder.encode(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
