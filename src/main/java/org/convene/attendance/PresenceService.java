package org.convene.attendance;

import org.convene.programme.ProgrammePermissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Who was at a session and for how long, each person counted once whatever the source of their presence (the
 * session page, Join, a meeting tool's report, a phone join), judged by the conference's attendance rule. The
 * reads take no permission check: the features that show them (reports, certificates) check who may see what.
 */
@Service
@Transactional(readOnly = true)
public class PresenceService {

    private final PresenceQueries queries;
    private final ProgrammePermissions permissions;

    PresenceService(PresenceQueries queries, ProgrammePermissions permissions) {
        this.queries = queries;
        this.permissions = permissions;
    }

    /** Everyone present at the session, in order of their account id. */
    public List<PersonPresence> presenceAt(long sessionId) {
        return queries.presence(List.of(sessionId), null);
    }

    /** One person's presence at the session; empty when they were never there. */
    public Optional<PersonPresence> presenceOf(long sessionId, long userId) {
        return queries.presence(List.of(sessionId), userId).stream().findFirst();
    }

    /** One person's presence at each session of a conference they were at, in programme order. */
    public List<PersonPresence> presenceAcross(long conferenceId, long userId) {
        return queries.presence(queries.sessionsOf(conferenceId), userId);
    }

    /** The conference's rule (85 % unless its organisers changed it); the default for an unknown conference. */
    public AttendanceRule rule(long conferenceId) {
        AttendanceRule rule = queries.rule(conferenceId);
        return rule == null ? new AttendanceRule(AttendanceRule.DEFAULT_PERCENT) : rule;
    }

    /** Organisers only: changes the conference's rule (cached report figures follow on their next read). */
    @Transactional
    public void setRule(long conferenceId, AttendanceRule rule) {
        permissions.requireOrganiser();
        if (!queries.setRule(conferenceId, rule)) {
            throw new IllegalArgumentException("There is no conference " + conferenceId);
        }
    }
}
