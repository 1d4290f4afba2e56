package org.convene.exchange.api;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.exchange.ExchangeProperties;
import org.convene.exchange.ScheduleImportService;
import org.convene.exchange.ScheduleImportSummary;
import org.convene.exchange.ScheduleTooLargeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Scripts import a frab/pretalx schedule with an organiser's token (see docs/api.md). */
@RestController
class ScheduleImportController {

    private final ScheduleImportService imports;
    private final ExchangeProperties properties;

    ScheduleImportController(ScheduleImportService imports, ExchangeProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    /**
     * The body is read as text so that a file that is not JSON gets our own message, not a converter's; and read
     * here, at most one byte over the limit, so that a huge body is refused without being held in memory.
     */
    @PostMapping(path = "/api/programme/import", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScheduleImportSummary importSchedule(HttpServletRequest request) throws IOException {
        long max = properties.scheduleImportMaxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ScheduleTooLargeException(properties.scheduleImportMaxSize());
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
        if (body.length > max) {
            throw new ScheduleTooLargeException(properties.scheduleImportMaxSize());
        }
        return imports.importSchedule(new String(body, StandardCharsets.UTF_8));
    }
}
