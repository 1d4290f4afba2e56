package org.convene.core;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where people reach Convene ({@code convene.public-base-url}, environment {@code CONVENE_PUBLIC_BASE_URL}), for
 * every absolute link Convene writes: calendar files and feed addresses, schedule exports, invitation links.
 * Links never come from the request's Host header, which any client can forge (a calendar or an invitation with
 * an attacker's host would send people there).
 * <p>
 * Checked at start: an absolute http or https address with a host, without user name, query or fragment. A
 * trailing slash is dropped, so {@link #link(String)} can add a path starting with {@code /}.
 */
@ConfigurationProperties("convene")
public final class PublicBaseUrl {

    /** Where a development machine serves Convene; production sets its own. */
    public static final String DEVELOPMENT_DEFAULT = "http://localhost:8080";

    private final String base;

    public PublicBaseUrl(@Nullable String publicBaseUrl) {
        this.base = checked(publicBaseUrl == null || publicBaseUrl.isBlank() ? DEVELOPMENT_DEFAULT : publicBaseUrl);
    }

    /** The base itself, without a trailing slash, e.g. {@code https://convene.example.org}. */
    public String value() {
        return base;
    }

    /** An absolute link to a path of Convene's, e.g. {@code link("/sessions/3/join")}. */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path on Convene starts with '/': " + path);
        }
        return base + path;
    }

    static String checked(String given) {
        String trimmed = given.strip();
        String problem = "convene.public-base-url (CONVENE_PUBLIC_BASE_URL) must be the address people use to reach"
                + " Convene, an absolute http or https address such as https://convene.example.org";
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem + "; '" + given + "' is not a web address.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(problem + "; '" + given + "' does not start with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(problem + "; '" + given + "' has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(problem + "; it must not hold a user name or password.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(problem + "; '" + given + "' must not have a query (?) or fragment (#).");
        }
        return trimmed.replaceAll("/+$", "");
    }
}
