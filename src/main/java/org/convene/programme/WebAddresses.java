package org.convene.programme;

import org.convene.core.TextRule;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one rule for every web address Convene stores and shows as a link: joining links, recordings, captions,
 * transcripts and host organisations' websites.
 */
public final class WebAddresses {

    /** Longer than any real meeting or video link; stops a pasted page of text being taken for one. */
    public static final int MAX_LENGTH = 2000;

    private WebAddresses() {
    }

    /**
     * An absolute http(s) address whose host name has a dot in it, with no spaces.
     * <p>
     * The scheme must be lower case because the database's checks ({@code ~ '^https?://'}) are case-sensitive;
     * people type it that way and meeting apps hand it out that way. The dot: every one of these addresses is
     * opened by attendees on their own devices across the internet, where a host without a dot
     * ({@code https://zoom/j/1}, {@code https://localhost}) cannot work, so it is almost always a typing slip
     * that is better caught on the form than found by attendees on the day.
     */
    public static boolean isValid(String text) {
        if (text == null || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isWhitespace)
                || !TextRule.allows(text, TextRule.Lines.ONE)
                || !(text.startsWith("https://") || text.startsWith("http://"))) {
            return false;
        }
        try {
            String host = new URI(text).getHost();
            return host != null && host.contains(".") && !host.startsWith(".") && !host.endsWith(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
