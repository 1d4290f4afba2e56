package org.convene.captions;

import java.time.Instant;

/**
 * One caption line as readers see it.
 *
 * @param line      its place in the session (1, 2, 3 ...), kept while it is revised
 * @param change    the change that last wrote it: a reader that has seen change N asks for what came after
 * @param isFinal   false while the sender may still revise it
 * @param startedAt when its first version arrived
 * @param sentAt    when its latest version arrived
 * @param revisions how many times it was changed after it was first sent (by its sender or a host's correction)
 */
public record CaptionLine(long line, long change, String text, boolean isFinal, Instant startedAt, Instant sentAt,
                          int revisions) {
}
