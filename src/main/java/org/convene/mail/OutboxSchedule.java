package org.convene.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sender every {@code convene.mail.poll-interval} on Spring's scheduler (runs never overlap). Tests turn
 * it off ({@code convene.mail.scheduled=false}) and call {@link OutboxSender#deliverDue()} with their own clock.
 */
@Component
@ConditionalOnProperty(name = "convene.mail.scheduled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    private final OutboxSender sender;
    private final Environment environment;

    OutboxSchedule(OutboxSender sender, Environment environment) {
        this.sender = sender;
        this.environment = environment;
    }

    @Scheduled(fixedDelayString = "${convene.mail.poll-interval:5s}", initialDelayString = "${convene.mail.poll-interval:5s}")
    void deliverDue() {
        try {
            sender.deliverDue();
        } catch (RuntimeException e) {
            // the database is away, say: the rows stay PENDING and the next run tries again
            log.warn("Email delivery run stopped: {}", e.getClass().getSimpleName());
        }
    }

    /** One clear line at start when email is kept rather than sent; a warning outside development. */
    @EventListener
    void sayWhereMailGoes(ApplicationReadyEvent ready) {
        if (sender.mailServerConfigured()) {
            return;
        }
        String line = "No mail server is configured (SPRING_MAIL_HOST / spring.mail.host): email is kept in the "
                + "outbox, not sent. Organisers can read it at /manage/mail. See docs/email.md, Settings.";
        if (environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            log.info(line);
        } else {
            log.warn(line);
        }
    }
}
