package org.convene.captions.api;

import org.convene.captions.TranscriptService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** A session's published captions as a WebVTT file and a plain transcript (hosts see them before publishing). */
@RestController
class TranscriptController {

    private static final MediaType VTT = new MediaType("text", "vtt", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final TranscriptService transcripts;

    TranscriptController(TranscriptService transcripts) {
        this.transcripts = transcripts;
    }

    @GetMapping("/sessions/{sessionId:\\d{1,18}}/captions.vtt")
    ResponseEntity<String> webVtt(@PathVariable long sessionId) {
        return answer(transcripts.webVtt(sessionId), VTT);
    }

    @GetMapping("/sessions/{sessionId:\\d{1,18}}/transcript.txt")
    ResponseEntity<String> transcript(@PathVariable long sessionId) {
        return answer(transcripts.plainText(sessionId), TEXT);
    }

    private static ResponseEntity<String> answer(Optional<String> body, MediaType type) {
        // a host may still correct or withdraw it: caches check each time
        return body.map(text -> ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                        .header("X-Content-Type-Options", "nosniff").body(text))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
