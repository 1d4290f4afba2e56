package org.convene.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Refuses a log-in form sent from another site (log-in CSRF: a page elsewhere signing the visitor in to the
 * attacker's account, so that what they then do lands there). The log-in POST carries no CSRF token (Vaadin's
 * configurer exempts it), so the browser's {@code Origin}, or without it the {@code Referer}, decides. A request
 * with neither passes: curl and scripts send none, and some privacy settings strip both; a browser posting a
 * form across sites always sends {@code Origin}.
 *
 * <p>Only the host name is compared, not the scheme or port: a proxy that ends TLS may leave the node seeing
 * http on port 8080 while the browser says https, and another site always has another host.
 */
final class LoginOriginFilter extends OncePerRequestFilter {

    static final String REFUSED = "Log-in refused: the form was sent from another website. To log in to Convene, "
            + "open its log-in page yourself (type its address or use a bookmark) and try again.";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(HttpMethod.POST.matches(request.getMethod()) && path.equals("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request.getHeader("Origin"), request.getHeader("Referer"), request.getServerName())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the headers name a site other than {@code ourHost}. {@code Origin} wins when present (including
     * "null", which a sandboxed frame or a cross-site redirect sends: not us); an address that cannot be read
     * counts as another site.
     */
    static boolean fromAnotherSite(@Nullable String origin, @Nullable String referer, String ourHost) {
        String claimed = origin != null ? origin : referer;
        if (claimed == null || claimed.isBlank()) {
            return false;
        }
        String host = hostOf(claimed.strip());
        return host == null || !host.equals(ourHost.toLowerCase(Locale.ROOT));
    }

    private static @Nullable String hostOf(String address) {
        try {
            String host = new URI(address).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException unreadable) {
            return null;
        }
    }
}
