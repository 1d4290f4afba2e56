package org.convene.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refused start into Spring Boot's "APPLICATION FAILED TO START" report, with what to set. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(NoDatabaseConfiguredException.DESCRIPTION, NoDatabaseConfiguredException.ACTION, cause);
    }
}
