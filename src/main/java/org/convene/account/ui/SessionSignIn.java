package org.convene.account.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import org.convene.account.AccountSessions;
import org.convene.core.security.ConveneUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a user into the Spring Security context of this Vaadin request and saves it in the HTTP session,
 * as form log-in would, for the cases where Convene signs someone in or changes their roles itself.
 * {@link #refresh} is public for other features' views whose action changes the signed-in person's roles
 * (accepting a host invitation in org.convene.programme.ui).
 */
public final class SessionSignIn {

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SessionSignIn() {
    }

    /** Signs someone in who was not: a new session id too, so a session id planted beforehand is useless. */
    static void signIn(ConveneUser user) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        request.changeSessionId();
        store(user, request);
    }

    /** Replaces the signed-in user's details (for example after their roles changed) in this session. */
    public static void refresh(ConveneUser user) {
        store(user, VaadinServletRequest.getCurrent().getHttpServletRequest());
    }

    /**
     * Keeps this session signed in after its person changed their password here: every other session of
     * theirs still holds the old account version and ends at its next request (AccountSessions).
     */
    static void passwordChanged(int newVersion) {
        VaadinSession.getCurrent().getSession().setAttribute(AccountSessions.VERSION, newVersion);
    }

    private static void store(ConveneUser user, HttpServletRequest request) {
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        strategy.setContext(context);
        REPOSITORY.saveContext(context, request, VaadinServletResponse.getCurrent().getHttpServletResponse());
    }
}
