package org.convene.core.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;

/**
 * Without spring.datasource.url (SPRING_DATASOURCE_URL), Convene runs on its own embedded PostgreSQL, but only
 * where that was asked for: the dev profile (`mvn spring-boot:run`) and the tests set convene.postgres.embedded.
 * User configuration is processed before auto-configuration, so Boot's DataSource backs off when this applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional({EmbeddedDatabaseConfiguration.NoDatasourceUrl.class, EmbeddedDatabaseConfiguration.EmbeddedAskedFor.class})
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    @Bean
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(properties.dataDir(), properties.port(), properties.cleanOnStart()));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("convene-embedded");
        return dataSource;
    }

    @Bean
    EmbeddedDatabaseMarker embeddedDatabaseMarker() {
        return new EmbeddedDatabaseMarker();
    }

    /** Set by the dev profile (application-dev.properties) and the tests' profile, never by default. */
    static final String EMBEDDED_PROPERTY = "convene.postgres.embedded";

    static boolean hasDatasourceUrl(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    static boolean embeddedAskedFor(Environment environment) {
        return environment.getProperty(EMBEDDED_PROPERTY, Boolean.class, false);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !hasDatasourceUrl(context.getEnvironment());
        }
    }

    static class EmbeddedAskedFor implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embeddedAskedFor(context.getEnvironment());
        }
    }
}
