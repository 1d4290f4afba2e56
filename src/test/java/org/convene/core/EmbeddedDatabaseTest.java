package org.convene.core;

import org.convene.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EmbeddedDatabaseTest {

    @Autowired
    DSLContext db;

    @Test
    void app_runs_on_a_real_postgresql_17_with_every_migration_applied() {
        String version = db.fetchSingle("show server_version").get(0, String.class);
        assertThat(version).startsWith("17.");
        Integer applied = db.fetchSingle("select count(*) from flyway_schema_history where success").get(0, Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(3);
    }
}
