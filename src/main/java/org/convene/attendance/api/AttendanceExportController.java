package org.convene.attendance.api;

import jakarta.servlet.http.HttpServletResponse;
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.AttendanceReportService.Table;
import org.convene.attendance.ConferenceOverview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Attendance CSV for organisers' scripts, with a personal access token ("Authorization: Bearer", see
 * docs/api.md): the same tables as the report pages' downloads, written to the response as they are read.
 */
@RestController
class AttendanceExportController {

    private final AttendanceReportService reports;

    AttendanceExportController(AttendanceReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/conferences/{slug}/attendance.csv")
    void conferenceIntervals(@PathVariable String slug, HttpServletResponse response) throws IOException {
        ConferenceOverview overview = reports.overview(slug).orElseThrow(AttendanceExportController::noConference);
        write(response, slug + "-attendance.csv", Table.CONFERENCE_INTERVALS, overview.conference().id(), slug);
    }

    @GetMapping("/api/reports/conferences/{slug}/sessions.csv")
    void conferenceSessions(@PathVariable String slug, HttpServletResponse response) throws IOException {
        ConferenceOverview overview = reports.overview(slug).orElseThrow(AttendanceExportController::noConference);
        write(response, slug + "-sessions.csv", Table.CONFERENCE_SESSIONS, overview.conference().id(), slug);
    }

    @GetMapping("/api/reports/sessions/{sessionId}/attendees.csv")
    void sessionAttendees(@PathVariable long sessionId, HttpServletResponse response) throws IOException {
        if (reports.sessionReport(sessionId, 5).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no session with id " + sessionId + ".");
        }
        write(response, "session-" + sessionId + "-attendees.csv", Table.SESSION_ATTENDEES, sessionId, null);
    }

    private static ResponseStatusException noConference() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no conference at this address.");
    }

    private void write(HttpServletResponse response, String fileName, Table table, long id, @Nullable String slug)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        reports.writeCsv(table, id, slug, out, AttendanceReportService.Progress.NONE);
        out.flush();
    }
}
