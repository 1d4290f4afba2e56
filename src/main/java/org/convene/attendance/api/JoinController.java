package org.convene.attendance.api;

import org.convene.attendance.AttendanceService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The session page's Join link: records the arrival server-side, then sends the browser on to the meeting.
 * A plain link (not a button with a click listener) so that it works however it is opened: a click, Enter,
 * a middle click or "open in new tab". Outside the join window, or for a cancelled session, it goes back to
 * the session's page, which says why.
 */
@RestController
class JoinController {

    private final AttendanceService attendance;

    JoinController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/sessions/{sessionId}/join")
    ResponseEntity<Void> join(@PathVariable long sessionId) {
        URI target = attendance.join(sessionId).map(URI::create)
                .orElseGet(() -> URI.create("/sessions/" + sessionId));
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, target.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
