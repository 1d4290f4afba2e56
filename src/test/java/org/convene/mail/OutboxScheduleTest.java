package org.convene.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OutboxScheduleTest {

    private static final String KEPT = "No mail server is configured (SPRING_MAIL_HOST / spring.mail.host): email is kept";

    private static OutboxSchedule schedule(JavaMailSender smtp, String... profiles) {
        MailSettings settings = new MailSettings(null, null, null, 0, 0, 0, null);
        OutboxSender sender = new OutboxSender(null, smtp, settings, Clock.systemUTC(), null);
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new OutboxSchedule(sender, environment);
    }

    @Test
    void a_production_start_without_a_mail_server_warns_once_that_email_is_kept(CapturedOutput output) {
        schedule(null).sayWhereMailGoes(null);

        assertThat(output.getOut().lines().filter(line -> line.contains(KEPT)).toList())
                .singleElement().asString().contains("WARN");
    }

    @Test
    void a_development_start_without_a_mail_server_says_it_without_a_warning(CapturedOutput output) {
        schedule(null, "dev").sayWhereMailGoes(null);

        assertThat(output.getOut().lines().filter(line -> line.contains(KEPT)).toList())
                .singleElement().asString().contains("INFO").doesNotContain("WARN");
    }

    @Test
    void a_start_with_a_mail_server_says_nothing_about_it(CapturedOutput output) {
        schedule(new JavaMailSenderImpl()).sayWhereMailGoes(null);

        assertThat(output.getOut()).doesNotContain(KEPT);
    }
}
