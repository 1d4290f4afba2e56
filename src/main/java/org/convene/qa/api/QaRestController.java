package org.convene.qa.api;

import org.convene.qa.QaException;
import org.convene.qa.QaService;
import org.convene.qa.QaSnapshot;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The snapshot a STOMP client loads first, and again whenever it sees a gap in seq. */
@RestController
class QaRestController {

    private final QaService qa;

    QaRestController(QaService qa) {
        this.qa = qa;
    }

    @GetMapping("/api/sessions/{sessionId}/questions")
    QaSnapshot questions(@PathVariable long sessionId) {
        return qa.snapshot(sessionId);
    }

    @ExceptionHandler(QaException.class)
    ResponseEntity<Map<String, String>> refused(QaException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).body(Map.of("code", e.code().name(), "message", e.getMessage()));
    }
}
