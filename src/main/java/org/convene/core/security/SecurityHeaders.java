package org.convene.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The security headers on every answer: pages, the API, feeds, downloads and error pages alike. A servlet filter
 * ahead of every security chain (registered in {@link SecurityHeadersConfiguration}) rather than a setting in
 * each chain, so a new chain cannot forget them. Spring Security's own header writers leave a header alone once
 * it is set, so these win.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    /**
     * What Vaadin 25 needs, and no more. Vaadin's page shell starts with inline scripts and its client runs the
     * server's JavaScript calls through {@code new Function}, so scripts need 'unsafe-inline' and 'unsafe-eval';
     * its components set inline styles. Recordings that are video files play from wherever they are hosted (a
     * video platform's page is a link, not an embedded player); the only frames from elsewhere are the two video
     * players a BSL interpreter's video is shown in.
     * 'self' in connect-src covers the push WebSocket and the STOMP endpoint on the same host.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' https: http:",
            "connect-src 'self'",
            // the BSL interpreter's player on the session page (accesshelp.BslVideo.PLAYER_HOSTS; a test keeps
            // them equal): only these two players are embedded, any other video is a link
            "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'");

    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Two years, the usual value for the preload lists; subdomains are left to their own operators. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", referrerPolicy(path));
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // The same as frame-ancestors 'self', for browsers that only know the older header (Spring Security's
        // default, DENY, would contradict the policy).
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        chain.doFilter(request, response);
    }

    /**
     * No referrer at all from addresses that hold a secret (an invitation's token, a calendar feed's token, an
     * unsubscribe link's), so
     * a link followed from them, or a calendar app fetching them, cannot pass the secret on; elsewhere other sites
     * learn only that the visitor came from Convene.
     */
    static String referrerPolicy(String path) {
        boolean secretInAddress = path.startsWith("/invitations/") || path.startsWith("/calendar/")
                || path.startsWith("/mail/unsubscribe/")
                || path.endsWith(".ics");
        return secretInAddress ? "no-referrer" : REFERRER_POLICY;
    }
}
