package org.convene.attendance;

/**
 * Where a stretch of someone's presence at a session comes from (attendance_interval.source). Figures count a
 * person once however many sources saw them.
 */
public enum PresenceSource {
    /** A Convene page open, or Join clicked, while the session ran. */
    CONVENE,
    /** A meeting tool's participant report a host uploaded ({@link MeetingTool}). */
    IMPORT,
    /** Marked by a facilitator or host: the person joined by phone. */
    PHONE
}
