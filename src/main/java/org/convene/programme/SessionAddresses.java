package org.convene.programme;

import org.convene.core.PublicBaseUrl;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Convene's own addresses of a session, as files and calendars carry them. Exports never carry the meeting's
 * address itself: they carry {@link #join(PublicBaseUrl, long)}, whose redirect reveals the meeting only in its
 * join window (and, where the conference asks for it, only to people signed in).
 */
public final class SessionAddresses {

    private static final Pattern JOIN_PATH = Pattern.compile("/sessions/(\\d{1,18})/join/?");

    private SessionAddresses() {
    }

    /** The session's page, absolute. */
    public static String page(PublicBaseUrl base, long sessionId) {
        return base.link("/sessions/" + sessionId);
    }

    /** The Join link: records the arrival and sends the browser on to the meeting while the join window is open. */
    public static String join(PublicBaseUrl base, long sessionId) {
        return base.link("/sessions/" + sessionId + "/join");
    }

    /**
     * The session a link names when it is this Convene's own Join link (as an export carries it), so that an
     * import can take the meeting's address behind it instead of storing a link that leads back to itself.
     */
    public static OptionalLong ownJoin(PublicBaseUrl base, String url) {
        String prefix = base.value();
        if (!url.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        Matcher m = JOIN_PATH.matcher(url.substring(prefix.length()));
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
