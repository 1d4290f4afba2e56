package org.convene.attendance;

import org.convene.programme.SessionTimesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a session's times change, its imported and phone stays are cut again to the new times from what was
 * stored (the report's rows, the times marked), in the transaction of the change: a session that turns out to
 * have run longer gains the time people spent in it, and one moved away loses what no longer falls in it. Convene's
 * own intervals stay as recorded: the figures clamp them to the session's times.
 */
@Component
class ImportedStaysFollowSession {

    private static final Logger log = LoggerFactory.getLogger(ImportedStaysFollowSession.class);

    private final AttendanceImportQueries queries;

    ImportedStaysFollowSession(AttendanceImportQueries queries) {
        this.queries = queries;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void sessionMoved(SessionTimesChanged change) {
        queries.lockImports(change.sessionId());
        var imports = queries.importsOf(change.sessionId());
        imports.forEach(queries::rebuildIntervals);
        int phone = queries.recutPhoneJoins(change.sessionId());
        if (!imports.isEmpty() || phone > 0) {
            log.info("Session {} moved: cut {} imports and {} phone joins to its new times", change.sessionId(),
                    imports.size(), phone);
        }
    }
}
