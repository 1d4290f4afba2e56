package org.convene.core.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses a start that has neither a database (SPRING_DATASOURCE_URL) nor the dev profile's embedded one.
 * A production start that forgot the URL would otherwise run an empty embedded database, which the demo mode fills
 * with accounts whose passwords are published in the README.
 *
 * <p>The check runs as a bean factory post-processor: after the configuration is read and before any bean is made,
 * so nothing (no embedded PostgreSQL, no web server) has started when it refuses.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseRequiredCheck {

    @Bean
    static BeanFactoryPostProcessor requireADatabase() {
        return new Check();
    }

    static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment = new StandardEnvironment();

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (!EmbeddedDatabaseConfiguration.hasDatasourceUrl(environment)
                    && !EmbeddedDatabaseConfiguration.embeddedAskedFor(environment)) {
                throw new NoDatabaseConfiguredException();
            }
        }
    }
}
