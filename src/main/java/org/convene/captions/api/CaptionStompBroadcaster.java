package org.convene.captions.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.convene.captions.CaptionLine;
import org.convene.captions.CaptionLive;
import org.convene.captions.CaptionService;
import org.convene.captions.CaptionUpdate;
import org.convene.qa.api.SessionTopics;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * Sends each committed caption change to {@code /topic/sessions.{id}.captions}, one frame per change this node
 * read (a burst read at once is one frame), through the shared public-topic fan-out. Runs on the captions'
 * reader thread, so a topic's frames leave in order.
 */
@Component
class CaptionStompBroadcaster {

    private final CaptionService captions;
    private final SessionTopics topics;
    private final JsonMapper json;

    CaptionStompBroadcaster(CaptionLive live, CaptionService captions, SessionTopics topics, JsonMapper json) {
        this.captions = captions;
        this.topics = topics;
        this.json = json;
        live.subscribeToAll(this::send);
    }

    /** One line as subscribers get it; a later event for the same {@code line} replaces it. */
    record Event(String type, long line, long change, String text, @JsonProperty("final") boolean isFinal,
                 Instant startedAt, Instant sentAt, int revisions) {

        static Event of(CaptionLine l) {
            return new Event("caption", l.line(), l.change(), l.text(), l.isFinal(), l.startedAt(), l.sentAt(),
                    l.revisions());
        }
    }

    private void send(CaptionUpdate update) {
        // after a gap the node re-read: subscribers get the latest lines again, which replace what they hold
        List<CaptionLine> lines = update.reread() ? captions.latest(update.sessionId()).lines() : update.lines();
        if (lines.isEmpty()) {
            return;
        }
        topics.publish(CaptionTopic.NAME, update.sessionId(),
                json.writeValueAsString(lines.stream().map(Event::of).toList()));
    }
}
