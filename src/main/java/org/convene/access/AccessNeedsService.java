package org.convene.access;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.AccessFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The access needs a person records once in their account: optional, their own to change or delete, and kept
 * under the same retention as attendance ({@code convene.attendance.retention}, 365 days): deleted with the
 * account, and a retention period after last use (when they last saved them and the last session on their
 * agenda ended, whichever is later).
 */
@Service
@Transactional
public class AccessNeedsService {

    private static final Logger log = LoggerFactory.getLogger(AccessNeedsService.class);

    private final AccessNeedsRepository needs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Duration retention;

    AccessNeedsService(AccessNeedsRepository needs, CurrentUser currentUser, Clock clock,
                       @Value("${convene.attendance.retention:365d}") Duration retention) {
        this.needs = needs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.retention = retention;
    }

    @Transactional(readOnly = true)
    public AccessNeeds mine() {
        return needs.of(currentUser.require().id());
    }

    /** Replaces the signed-in person's needs; saving none deletes what was recorded. */
    public AccessNeeds save(Set<AccessFeature> features) {
        ConveneUser user = currentUser.require();
        if (features.isEmpty()) {
            needs.delete(user.id());
        } else {
            needs.save(user.id(), features, clock.instant());
        }
        return needs.of(user.id());
    }

    /** Deletes everything the signed-in person recorded; false when there was nothing. */
    public boolean deleteMine() {
        return needs.delete(currentUser.require().id());
    }

    /** How long needs are kept after last use (the attendance retention period). */
    public Duration retention() {
        return retention;
    }

    /** Deletes needs nothing has used for the retention period; the log says how many, never whose. */
    @Scheduled(cron = "${convene.access.retention-cron:0 40 3 * * *}")
    public int applyRetention() {
        int deleted = needs.deleteUnusedSince(clock.instant().minus(retention));
        log.info("Access needs retention: deleted the needs of {} people unused for {} days", deleted,
                retention.toDays());
        return deleted;
    }
}
