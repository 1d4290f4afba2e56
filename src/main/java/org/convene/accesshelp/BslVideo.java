package org.convene.accesshelp;

import org.convene.programme.WebAddresses;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's BSL interpreter video address, and the player it can be shown in on the session page. Only players
 * we recognise are embedded (their hosts are the only frames the Content-Security-Policy allows, see
 * {@link #PLAYER_HOSTS}); any other https address is shown as a link.
 */
public final class BslVideo {

    /** The frame-src of core.security.SecurityHeaders lists exactly these (a test keeps them equal). */
    public static final String[] PLAYER_HOSTS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"};

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{6,20}");
    private static final Pattern VIMEO_ID = Pattern.compile("\\d{3,12}");

    private BslVideo() {
    }

    /** The address as stored: trimmed, null when blank. */
    public static @Nullable String clean(@Nullable String url) {
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** What is wrong with a cleaned address, in words for the host; empty when it may be stored (or is null). */
    public static Optional<String> problem(@Nullable String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (!url.startsWith("https://") || !WebAddresses.isValid(url)) {
            return Optional.of("Enter the interpreter’s video address as a web address starting with https://, "
                    + "like https://www.youtube.com/watch?v=abc123");
        }
        return Optional.empty();
    }

    /**
     * The embeddable player address for a YouTube or Vimeo video or live stream, empty for anything else (shown
     * as a link). YouTube's no-cookie host is used so watching sets no tracking cookies.
     */
    public static Optional<String> player(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!"https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        String youtube = switch (host) {
            case "www.youtube.com", "youtube.com", "m.youtube.com", "www.youtube-nocookie.com" -> {
                if (path.equals("/watch")) {
                    yield query(uri, "v");
                }
                if (path.startsWith("/embed/") || path.startsWith("/live/")) {
                    yield path.substring(path.indexOf('/', 1) + 1);
                }
                yield null;
            }
            case "youtu.be" -> path.length() > 1 ? path.substring(1) : null;
            default -> null;
        };
        if (youtube != null && YOUTUBE_ID.matcher(youtube).matches()) {
            return Optional.of(PLAYER_HOSTS[0] + "/embed/" + youtube);
        }
        if (host.equals("vimeo.com") || host.equals("www.vimeo.com") || host.equals("player.vimeo.com")) {
            Matcher m = Pattern.compile("/(?:video/)?(\\d+)").matcher(path);
            if (m.matches() && VIMEO_ID.matcher(m.group(1)).matches()) {
                return Optional.of(PLAYER_HOSTS[1] + "/video/" + m.group(1));
            }
        }
        return Optional.empty();
    }

    private static @Nullable String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }
}
