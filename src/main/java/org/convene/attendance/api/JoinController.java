package org.convene.attendance.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.convene.attendance.AttendanceService;
import org.convene.attendance.JoinOutcome;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The session page's Join link: records the arrival server-side, then sends the browser on to the meeting.
 * A plain link (not a button with a click listener) so that it works however it is opened: a click, Enter,
 * a middle click or "open in new tab". Outside the join window, or for a cancelled session, it goes back to
 * the session's page, which says why. Where the conference asks for an account, someone not signed in goes to
 * the log-in page, which brings them back here. A stored link that cannot be followed gets a short page saying
 * so, never a server error.
 */
@RestController
class JoinController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final AttendanceService attendance;
    /** The same session-stored cache the log-in's success handler reads, so the log-in returns to this link. */
    private final RequestCache requestCache = new HttpSessionRequestCache();

    JoinController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/sessions/{sessionId}/join")
    ResponseEntity<String> join(@PathVariable long sessionId, HttpServletRequest request,
                                HttpServletResponse response) {
        return switch (attendance.join(sessionId)) {
            case JoinOutcome.Meeting meeting -> seeOther(meeting.address().toString());
            case JoinOutcome.NotOpen notOpen -> seeOther("/sessions/" + sessionId);
            case JoinOutcome.SignInFirst signIn -> {
                requestCache.saveRequest(request, response);
                yield seeOther("/login");
            }
            case JoinOutcome.LinkBroken broken -> ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(HTML)
                    .body(brokenLinkPage(sessionId));
        };
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, location)
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /**
     * A page of its own rather than a redirect to the session page: that page would offer the same Join button
     * again. Plain language, a heading, and the way back.
     */
    static String brokenLinkPage(long sessionId) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>The joining link is not working - Convene</title>
                <link rel="stylesheet" href="/styles/convene.css">
                </head>
                <body>
                <main class="cv-narrow">
                <h1>The joining link is not working</h1>
                <p>The joining link for this session is not working, so we cannot take you to the meeting.</p>
                <p>We have recorded the problem so the organisers can fix it. Please try again in a few minutes,
                or contact the organisers.</p>
                <p><a href="/sessions/%d">Back to the session page</a></p>
                </main>
                </body>
                </html>
                """.formatted(sessionId);
    }
}
