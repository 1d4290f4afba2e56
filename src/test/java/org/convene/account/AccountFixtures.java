package org.convene.account;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Accounts for tests, made through the real sign-up so they can log in, with their addresses confirmed. All test
 * classes share one database, so every email address is unique.
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
        ConveneUser created = ((SaveResult.Saved<ConveneUser>) outsideAnyRequest(
                () -> accounts.signUp(displayName, uniqueEmail("acct"), PASSWORD))).value();
        // Confirmed, as if they had opened the link: most tests are not about confirming (EmailConfirmationServiceTest is).
        repository.confirmEmail(created.id(), clock.instant());
        Set<Role> roles = EnumSet.of(Role.ATTENDEE, extraRoles);
        roles.forEach(role -> repository.addRole(created.id(), role, clock.instant()));
        return new ConveneUser(created.id(), created.email(), created.displayName(), "", roles);
    }

    /** Signs someone up as the sign-up page does: their address is not confirmed yet. */
    public SaveResult<ConveneUser> signUpOnly(String displayName, String email) {
        return outsideAnyRequest(() -> accounts.signUp(displayName, email, PASSWORD));
    }

    /**
     * Runs a service call as a script would, with no HTTP request behind it. Spring's test support gives every
     * test a mock request from 127.0.0.1, so otherwise every account the fixtures make would come from one client
     * address and use up its sign-up budget (LoginProperties).
     */
    public static <T> T outsideAnyRequest(Supplier<T> call) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        try {
            return call.get();
        } finally {
            RequestContextHolder.setRequestAttributes(request);
        }
    }

    /** Signs a user in for service calls (Karibu tests use KaribuTest.login instead). */
    public static void actAs(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /**
     * A new access token of the user's, as they would make one on the account page; signs them out again after.
     * The service is passed in so that tests which start their own nodes can use each node's.
     */
    public static String apiToken(ApiTokenService tokens, ConveneUser user, String name) {
        actAs(user);
        try {
            return tokens.create(name).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
