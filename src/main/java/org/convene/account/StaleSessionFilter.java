package org.convene.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.convene.core.security.ConveneUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Ends a signed-in session whose account password has been changed since it signed in (see
 * {@link AccountSessions}). It runs just before Spring Security's filters and reads the security context
 * straight from the session, so every session-based filter chain (pages, Vaadin's own requests, the join
 * links, the CSV template) then sees someone not signed in and does what it always does for them: a page
 * sends to the log-in page and back afterwards, and a Vaadin request finds no Vaadin session and shows
 * "session expired", which reloads into the log-in page. Token requests never read the session, so they
 * go on as before.
 *
 * <p>One indexed read of app_user per request from a signed-in session; cheap next to what any page does.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final AccountRepository accounts;

    StaleSessionFilter(AccountRepository accounts) {
        this.accounts = accounts;
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
        long userId = ((ConveneUser) signedIn.getPrincipal()).id();
        Optional<Integer> current = accounts.version(userId);

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
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // A parallel request of the same session got there first.
        }
        request.getSession(true).setAttribute(AccountSessions.LOGGED_OUT_BECAUSE,
                AccountSessions.PASSWORD_CHANGED_ELSEWHERE);
        log.info("Ended a session of user {}: the account's password changed after it signed in", userId);
    }
}
