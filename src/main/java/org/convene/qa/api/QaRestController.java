package org.convene.qa.api;

import org.convene.qa.QaService;
import org.convene.qa.QaSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


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
}
