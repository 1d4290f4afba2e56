package org.convene.captions.api;

import org.convene.captions.CaptionService;
import org.convene.qa.api.SessionTopic;
import org.springframework.stereotype.Component;

/** Registers {@code /topic/sessions.{id}.captions} and {@code /app/sessions.{id}.captions} with the STOMP API. */
@Component
class CaptionTopic implements SessionTopic {

    static final String NAME = "captions";

    private final CaptionService captions;

    CaptionTopic(CaptionService captions) {
        this.captions = captions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Everyone who may see the session may read its captions. */
    @Override
    public void checkReader(long sessionId) {
        captions.requireVisible(sessionId);
    }
}
