package org.convene.timetable.ui;

import org.convene.core.time.ZoneTexts;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;

import java.time.ZoneId;

/**
 * The sentence naming the time zone in force and the "Show times in my time zone" switch.
 * The owning view decides what the switch means (it knows the URL and the browser's zone).
 */
public class TimeZoneSwitch extends Composite<Div> {

    private final Paragraph sentence = new Paragraph();
    private final Checkbox mine = new Checkbox("Show times in my time zone");
    private boolean updating;

    public TimeZoneSwitch() {
        getContent().addClassName("cv-zone");
        sentence.addClassName("cv-zone-sentence");
        mine.addValueChangeListener(change -> {
            if (!updating) {
                fireEvent(new SwitchEvent(this, change.isFromClient(), change.getValue()));
            }
        });
        getContent().add(sentence, mine);
    }

    /** Shows the zone in force without raising an event. */
    public void show(ZoneId zone, boolean viewersOwnZone, boolean switchedOn) {
        sentence.setText(ZoneTexts.sentence(zone, viewersOwnZone));
        updating = true;
        try {
            mine.setValue(switchedOn);
        } finally {
            updating = false;
        }
    }

    public String sentenceText() {
        return sentence.getText();
    }

    public Registration addSwitchListener(ComponentEventListener<SwitchEvent> listener) {
        return addListener(SwitchEvent.class, listener);
    }

    public static class SwitchEvent extends ComponentEvent<TimeZoneSwitch> {
        private final boolean viewersZone;

        public SwitchEvent(TimeZoneSwitch source, boolean fromClient, boolean viewersZone) {
            super(source, fromClient);
            this.viewersZone = viewersZone;
        }

        /** True: show times in the reader's own zone; false: back to the conference's zone. */
        public boolean viewersZone() {
            return viewersZone;
        }
    }
}
