package org.convene.attendance;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Attendance settings (convene.attendance.*).
 *
 * @param gracePeriod    a reconnect within this time continues the same interval instead of starting another
 * @param heartbeat      how often an open page reports that it is still there
 * @param staleAfter     an open interval with no sign of life for this long is closed at its last sign of life
 * @param retention      identifiable attendance older than this is deleted by the retention job
 */
@ConfigurationProperties("convene.attendance")
public record AttendanceProperties(Duration gracePeriod, Duration heartbeat, Duration staleAfter, Duration retention) {

    public AttendanceProperties {
        gracePeriod = gracePeriod == null ? Duration.ofMinutes(2) : gracePeriod;
        heartbeat = heartbeat == null ? Duration.ofSeconds(30) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofSeconds(90) : staleAfter;
        retention = retention == null ? Duration.ofDays(365) : retention;
    }
}
