package org.convene.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ends a signed-in session whose account password has been changed since it signed in (see
 * {@link AccountSessions}). It runs just before Spring Security's filters and reads the security context
 * straight from the session, so every session-based filter chain (pages, Vaadin's own requests, the join
 * links, the CSV template) then sees someone not signed in and does what it always does for them: a page
 * sends to the log-in page and back afterwards, and a Vaadin request finds no Vaadin session and shows
 * "session expired", which reloads into the log-in page. Token requests never read the session, so they
 * go on as before.
 *
 * <p>It also brings the session's roles up to date when an organiser changed them (or an invitation was
 * accepted), so that taking a role away takes effect at the person's next request, not at their next log-in; and
 * its email address after the person confirmed a new one (perhaps in another browser), since the address is what
 * an invitation is checked against.
 *
 * <p>One indexed read of app_user per request from a signed-in session; cheap next to what any page does.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final AccountRepository accounts;

    StaleSessionFilter(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Files that are the same for everyone (the frontend bundle, our CSS and images) carry no sign-in and are
     * fetched many times per page load: they need no database read. Pages, Vaadin's own requests and every
     * endpoint still go through.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/")
                || path.startsWith("/styles/") || path.startsWith("/images/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            checkVersion(request, session);
        }
        chain.doFilter(request, response);
    }

    /**
     * A role granted or taken away by an organiser (or by accepting an invitation) applies from the person's next
     * request, not their next log-in: page access (@RolesAllowed) and services read the roles of the signed-in
     * principal, so a demoted organiser must not keep their powers until they log out.
     */
    private static void followRoleChange(HttpSession session, SecurityContext context, Authentication signedIn,
                                         ConveneUser user, String email, Set<Role> roles) {
        ConveneUser updated = new ConveneUser(user.id(), email, user.displayName(), user.getPassword(), roles);
        UsernamePasswordAuthenticationToken refreshed =
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities());
        refreshed.setDetails(signedIn.getDetails());
        context.setAuthentication(refreshed);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        log.info("Roles or address of user {} changed while signed in; the session now has roles {}", user.id(), roles);
    }

    private static SecurityContext context(HttpSession session) {
        return (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    private void checkVersion(HttpServletRequest request, HttpSession session) {
        Authentication signedIn;
        Object signedInVersion;
        try {
            if (!(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context)
                    || context.getAuthentication() == null
                    || !(context.getAuthentication().getPrincipal() instanceof ConveneUser)) {
                return;
            }
            signedIn = context.getAuthentication();
            signedInVersion = session.getAttribute(AccountSessions.VERSION);
        } catch (IllegalStateException alreadyInvalidated) {
            return;
        }
        ConveneUser user = (ConveneUser) Objects.requireNonNull(signedIn.getPrincipal(), "checked above");
        long userId = user.id();
        Optional<AccountRepository.SignInState> state = accounts.signInState(userId);
        Optional<Integer> current = state.map(AccountRepository.SignInState::version);

        Integer expected = signedInVersion instanceof Integer version ? version : null;
        if (expected == null && signedIn.getDetails() instanceof AccountSessions.SignedInVersion atLogIn) {
            expected = atLogIn.version();
        }
        if (expected == null) {
            // Signed in by Convene itself (just after sign-up): nothing older to compare with.
            expected = current.orElse(-1);
        }
        if (current.isPresent() && current.get().equals(expected)) {
            if (!expected.equals(signedInVersion)) {
                session.setAttribute(AccountSessions.VERSION, expected);
            }
            Set<Role> roles = state.get().roles();
            String email = state.get().email();
            if (!roles.equals(user.roles()) || !email.equals(user.email())) {
                followRoleChange(session, context(session), signedIn, user, email, roles);
            }
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // A parallel request of the same session got there first.
        }
        // no account at all: it was deleted (by its person elsewhere, or anonymised by an organiser)
        request.getSession(true).setAttribute(AccountSessions.LOGGED_OUT_BECAUSE, current.isEmpty()
                ? AccountSessions.ACCOUNT_DELETED : AccountSessions.PASSWORD_CHANGED_ELSEWHERE);
        log.info("Ended a session of user {}: {}", userId, current.isEmpty() ? "the account was deleted"
                : "the account's password changed after it signed in");
    }
}
