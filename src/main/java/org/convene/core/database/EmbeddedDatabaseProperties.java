package org.convene.core.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL used when no spring.datasource.url is given.
 *
 * @param dataDir where the cluster's files live between runs
 * @param port         0 picks a free port
 * @param cleanOnStart start from an empty cluster (tests); never set it for a database you care about
 */
@ConfigurationProperties("convene.postgres")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean cleanOnStart) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
