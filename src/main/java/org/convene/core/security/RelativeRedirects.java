package org.convene.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.RedirectStrategy;

import java.net.URI;

/**
 * Sends a person who has just logged in back to the page they were going to, by a relative address. Spring
 * Security remembers that page as a full address built from the request's Host header (or a proxy's
 * X-Forwarded-Host), which a proxy or a forged header could point elsewhere, and Tomcat would make any relative
 * redirect absolute the same way; so only the path and query are kept and the Location header is written as is.
 * The browser resolves it against the address it is on.
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, response.encodeRedirectURL(target(url)));
    }

    /** The path and query of a target, absolute or relative, from the root; the home page when it is not one. */
    static String target(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAnAddress) {
            return "/";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        // "//evil.example" would be read by the browser as another host
        path = path.replaceFirst("^/+", "/");
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
