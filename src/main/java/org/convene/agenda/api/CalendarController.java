package org.convene.agenda.api;

import org.convene.agenda.CalendarService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** iCalendar downloads: one session for anyone, and the private agenda feed behind its secret token. */
@RestController
class CalendarController {

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/calendar/sessions/{sessionId}.ics")
    ResponseEntity<String> session(@PathVariable long sessionId) {
        return calendars.sessionCalendar(sessionId)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("convene-session-" + sessionId + ".ics").build().toString())
                        .body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/calendar/feeds/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return calendars.feedCalendar(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        // the address is a secret: keep it out of shared caches
                        .cacheControl(CacheControl.noStore())
                        .body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
