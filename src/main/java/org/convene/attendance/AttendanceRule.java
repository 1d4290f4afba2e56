package org.convene.attendance;

import java.time.Duration;

/**
 * When someone counts as having attended a session: present for at least {@code percent} of its length, counted
 * once however many windows, joins or phone calls they had. Each conference sets its own (85 % by default, the
 * share many public funders use); the database holds the same bounds (db/V29).
 */
public record AttendanceRule(int percent) {

    public static final int DEFAULT_PERCENT = 85;
    public static final int MIN_PERCENT = 1;
    public static final int MAX_PERCENT = 100;

    public AttendanceRule {
        if (percent < MIN_PERCENT || percent > MAX_PERCENT) {
            throw new IllegalArgumentException("An attendance rule is a share between " + MIN_PERCENT + " and "
                    + MAX_PERCENT + " %, not " + percent);
        }
    }

    /** Whether {@code present} of a session lasting {@code length} meets the rule; a session of no length never. */
    public boolean metBy(Duration present, Duration length) {
        if (length.isZero() || length.isNegative()) {
            return false;
        }
        // integer arithmetic in seconds, so 85 % of 60 minutes is exactly 51 minutes
        return present.toSeconds() * 100 >= length.toSeconds() * percent;
    }
}
