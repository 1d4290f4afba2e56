package org.convene.recordings;

/**
 * A session's recording was published for the first time (not when a published one is corrected). Published in
 * the transaction that stored it, so listeners' writes commit or roll back with it.
 */
public record RecordingPublished(long sessionId) {
}
