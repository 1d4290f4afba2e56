package org.convene.access;

import org.convene.programme.AccessFeature;

import java.time.Instant;
import java.time.ZoneId;

/** A notice on a person's agenda: a session on it no longer offers, or no longer confirms, a feature they need. */
public record AccessNotice(long withdrawalId, long sessionId, String title, AccessFeature feature,
                           Withdrawal.Kind kind, Instant startsAt, Instant endsAt, ZoneId zone) {

    /** The notice in one sentence, as the agenda shows it. */
    public String sentence() {
        return AccessMessages.withdrawnSentence(feature, kind);
    }
}
