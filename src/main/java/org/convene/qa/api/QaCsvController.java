package org.convene.qa.api;

import org.convene.qa.QaExportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * A session's questions as CSV for its facilitators and organisers (bearer token or Basic, like the rest of
 * /api). Built in memory before anything is sent, so a refusal is a clean 403/404 rather than half a file:
 * a session's Q&A is small.
 */
@RestController
class QaCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QaExportService export;

    QaCsvController(QaExportService export) {
        this.export = export;
    }

    @GetMapping("/api/sessions/{sessionId}/questions.csv")
    ResponseEntity<byte[]> questions(@PathVariable long sessionId) {
        StringWriter csv = new StringWriter();
        export.exportCsv(sessionId, csv);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("session-" + sessionId + "-questions.csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
