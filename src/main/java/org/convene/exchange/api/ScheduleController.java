package org.convene.exchange.api;

import org.convene.exchange.ScheduleExportService;
import org.convene.exchange.ScheduleFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public programme as files: /conferences/{slug}/schedule.xml|json|ics, and /schedule.* for the current
 * conference. Each path is spelled out with its extension so that these mappings, not Vaadin's
 * conferences/:slug route, answer them.
 */
@RestController
class ScheduleController {

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final ScheduleExportService exports;

    ScheduleController(ScheduleExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/conferences/{slug}/schedule.xml")
    ResponseEntity<String> xml(@PathVariable String slug) {
        return answer(exports.export(slug, ScheduleFormat.XML), XML);
    }

    @GetMapping("/conferences/{slug}/schedule.json")
    ResponseEntity<String> json(@PathVariable String slug) {
        return answer(exports.export(slug, ScheduleFormat.JSON), JSON);
    }

    @GetMapping("/conferences/{slug}/schedule.ics")
    ResponseEntity<String> ics(@PathVariable String slug) {
        return answer(exports.export(slug, ScheduleFormat.ICS), TEXT_CALENDAR);
    }

    @GetMapping("/schedule.xml")
    ResponseEntity<String> currentXml() {
        return answer(exports.exportCurrent(ScheduleFormat.XML), XML);
    }

    @GetMapping("/schedule.json")
    ResponseEntity<String> currentJson() {
        return answer(exports.exportCurrent(ScheduleFormat.JSON), JSON);
    }

    @GetMapping("/schedule.ics")
    ResponseEntity<String> currentIcs() {
        return answer(exports.exportCurrent(ScheduleFormat.ICS), TEXT_CALENDAR);
    }

    private static ResponseEntity<String> answer(Optional<String> body, MediaType type) {
        return body.map(b -> ResponseEntity.ok().contentType(type).body(b))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

}
