package org.convene.reminders;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPropertiesTest {

    private static ReminderProperties bind(Map<String, String> values) {
        return new Binder(java.util.List.of(new MapConfigurationPropertySource(values)), null,
                ApplicationConversionService.getSharedInstance())
                .bindOrCreate("convene.reminders", ReminderProperties.class);
    }

    @Test
    void an_operator_writes_the_hour_as_on_a_clock_and_the_lead_as_a_duration() {
        ReminderProperties properties = bind(Map.of("convene.reminders.day-before-at", "18:30",
                "convene.reminders.soon-before", "10m", "convene.reminders.alarm-before", "30m"));

        assertThat(properties.dayBeforeAt()).isEqualTo(LocalTime.of(18, 30));
        assertThat(properties.soonBefore()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.alarmBefore()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void without_settings_the_list_goes_at_five_and_the_reminder_fifteen_minutes_before() {
        ReminderProperties properties = bind(Map.of());

        assertThat(properties.dayBeforeAt()).isEqualTo(LocalTime.of(17, 0));
        assertThat(properties.soonBefore()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.alarmBefore()).isEqualTo(Duration.ofMinutes(15));
    }
}
