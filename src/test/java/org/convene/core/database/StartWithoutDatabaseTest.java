package org.convene.core.database;

import org.convene.ConveneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A production start (java -jar, no profile) that forgets SPRING_DATASOURCE_URL must not quietly run an embedded
 * database that would be filled with the public demo accounts.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartWithoutDatabaseTest {

    @Test
    void a_start_without_a_datasource_or_the_dev_profile_refuses_and_says_what_to_set(@TempDir Path dir,
                                                                                      CapturedOutput output) {
        Path dataDir = dir.resolve("pg");
        Throwable failure = catchThrowable(() -> {
            // as `java -jar convene.jar` runs it: no profile, nothing but the port given
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(ConveneApplication.class).run(
                    "--server.port=0",
                    "--vaadin.productionMode=true",
                    "--spring.main.banner-mode=off",
                    "--convene.postgres.data-dir=" + dataDir)) {
                // started: the test fails below
            }
        });

        assertThat(failure).as("the start is refused").isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("SPRING_DATASOURCE_URL")
                .contains("--spring.profiles.active=dev");
        assertThat(dataDir).as("no embedded PostgreSQL was started").doesNotExist();
    }
}
