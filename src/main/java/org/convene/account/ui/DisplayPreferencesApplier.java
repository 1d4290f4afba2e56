package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.convene.account.DisplayPreferences;
import org.convene.account.DisplayPreferencesService;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in person's display preferences on every page, as classes on the page body that
 * convene.css turns into a high-contrast palette and larger text.
 */
@Component
class DisplayPreferencesApplier implements VaadinServiceInitListener {

    static final String HIGH_CONTRAST = "cv-high-contrast";
    static final String TEXT_LARGE = "cv-text-large";
    static final String TEXT_LARGEST = "cv-text-largest";

    private final DisplayPreferencesService preferences;

    DisplayPreferencesApplier(DisplayPreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI(), preferences.mine()));
    }

    static void apply(UI ui, DisplayPreferences chosen) {
        var classes = ui.getElement().getClassList();
        classes.set(HIGH_CONTRAST, chosen.highContrast());
        classes.set(TEXT_LARGE, chosen.textSize() == DisplayPreferences.TextSize.LARGE);
        classes.set(TEXT_LARGEST, chosen.textSize() == DisplayPreferences.TextSize.LARGEST);
    }
}
