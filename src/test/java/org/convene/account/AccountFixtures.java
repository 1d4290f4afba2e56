package org.convene.account;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts for tests, made through the real sign-up so they can log in. All test classes share one
 * database, so every email address is unique.
 */
@Component
public class AccountFixtures {

    public static final String PASSWORD = "purple-kettle-orbit";

    private final AccountService accounts;
    private final AccountRepository repository;
    private final Clock clock;

    AccountFixtures(AccountService accounts, AccountRepository repository, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    public ConveneUser user(String displayName, Role... extraRoles) {
        ConveneUser created = ((SaveResult.Saved<ConveneUser>) accounts.signUp(displayName, uniqueEmail("acct"), PASSWORD)).value();
        Set<Role> roles = EnumSet.of(Role.ATTENDEE, extraRoles);
        roles.forEach(role -> repository.addRole(created.id(), role, clock.instant()));
        return new ConveneUser(created.id(), created.email(), created.displayName(), "", roles);
    }

    /** Signs a user in for service calls (Karibu tests use KaribuTest.login instead). */
    public static void actAs(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
