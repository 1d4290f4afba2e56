package org.convene.reminders.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.account.ui.AccountPageSection;
import org.convene.reminders.ReminderProperties;
import org.convene.reminders.ReminderSettingsService;

/** "Email reminders and updates" on the account page, after how pages look. */
@SpringComponent
class EmailChoicesSection implements AccountPageSection {

    private final ReminderSettingsService settings;
    private final ReminderProperties properties;

    EmailChoicesSection(ReminderSettingsService settings, ReminderProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Component create() {
        return new EmailChoices(settings, properties);
    }
}
