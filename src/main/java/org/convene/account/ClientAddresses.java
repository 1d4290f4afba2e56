package org.convene.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The address a log-in or sign-up comes from, as the servlet container sees it (request.getRemoteAddr()).
 * Behind a reverse proxy that is the proxy, unless Tomcat is told to trust its X-Forwarded-For
 * (server.forward-headers-strategy, docs/deploy.md): reading the header here would let any client pick a fresh
 * address for every guess.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    /** From the log-in's details (the form and HTTP Basic both record them), else the current request. */
    static Optional<String> of(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return Optional.of(details.getRemoteAddress());
        }
        return current();
    }

    /**
     * The address of the HTTP request being handled, if there is one. Vaadin's pages send their events as
     * ordinary requests (push only goes to the browser), so a button's action on a page has one too.
     */
    static Optional<String> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getRemoteAddr());
        }
        return Optional.empty();
    }
}
