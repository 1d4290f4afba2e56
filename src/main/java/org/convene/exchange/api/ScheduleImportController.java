package org.convene.exchange.api;

import org.convene.exchange.ScheduleImportService;
import org.convene.exchange.ScheduleImportSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Scripts import a frab/pretalx schedule with an organiser's token (see docs/api.md). */
@RestController
class ScheduleImportController {

    private final ScheduleImportService imports;

    ScheduleImportController(ScheduleImportService imports) {
        this.imports = imports;
    }

    /** The body is read as text so that a file that is not JSON gets our own message, not a converter's. */
    @PostMapping(path = "/api/programme/import", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScheduleImportSummary importSchedule(@RequestBody(required = false) String schedule) {
        return imports.importSchedule(schedule);
    }
}
