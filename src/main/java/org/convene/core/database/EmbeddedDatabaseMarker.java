package org.convene.core.database;

/**
 * Present as a bean only when Convene runs on its embedded database, so that dev-only behaviour
 * (demo accounts, the demo programme) can tell a developer's machine from a real deployment.
 */
public final class EmbeddedDatabaseMarker {
}
