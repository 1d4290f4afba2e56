package org.convene.qa;

import java.time.Instant;

/** A facilitator's text reply under a question. */
public record ReplyView(long id, String authorName, String text, Instant createdAt) {
}
