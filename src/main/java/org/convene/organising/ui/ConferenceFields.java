package org.convene.organising.ui;

import org.convene.programme.SessionDetail;
import org.convene.programme.ui.AdminFields;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.organising.ConferenceAdminService;
import org.convene.organising.ConferenceEdit;
import org.convene.organising.ConferenceForm;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conference's details as form fields. The short name for web addresses is suggested from the name until the
 * organiser types their own; the time zone is chosen from the list of known zones.
 */
class ConferenceFields extends Div implements AdminFields<ConferenceForm> {

    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    final TextField name = new TextField("Conference name");
    final TextField slug = new TextField("Short name for web addresses");
    final TextField theme = new TextField("Theme (optional)");
    final TextArea description = new TextArea("Description (optional)");
    final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    final DayMonthYear firstDay = new DayMonthYear("firstDay", "First day", "For example, 23 11 2026");
    final DayMonthYear lastDay = new DayMonthYear("lastDay", "Last day", "For example, 27 11 2026");
    final Checkbox joinNeedsAccount = new Checkbox("People must log in to join sessions");
    private boolean slugTouched;
    private boolean filling;

    ConferenceFields() {
        addClassName("cv-form");
        name.setId("name");
        slug.setId("slug");
        slug.setHelperText("Lower-case letters, numbers and hyphens, used in links like /conferences/your-short-name");
        theme.setId("theme");
        description.setId("description");
        timeZone.setId("timeZone");
        timeZone.setItems(ZONES);
        timeZone.setHelperText("Times in the timetable are shown in this zone first. Type to find a place, "
                + "like London");
        timeZone.setAllowCustomValue(false);
        for (var field : List.of(name, slug, theme)) {
            field.setManualValidation(true);
        }
        description.setManualValidation(true);
        timeZone.setManualValidation(true);
        name.addValueChangeListener(e -> {
            if (!filling && !slugTouched) {
                slug.setValue(ConferenceAdminService.suggestSlug(e.getValue()));
            }
        });
        slug.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                slugTouched = true;
            }
        });
        timeZone.setValue(ConferenceAdminService.DEFAULT_ZONE.getId());
        joinNeedsAccount.setId("joinNeedsAccount");
        joinNeedsAccount.setHelperText("When ticked, the Join button and the links in calendars and schedule files "
                + "ask people to log in (or make an account) before they reach the meeting. When not ticked, "
                + "anyone with the link can join from " + SessionDetail.JOIN_OPENS_BEFORE.toMinutes()
                + " minutes before the start.");
        add(name, slug, theme, description, timeZone, firstDay, lastDay, joinNeedsAccount);
    }

    @Override
    public Map<String, Component> fields() {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put(ConferenceForm.NAME, name);
        fields.put(ConferenceForm.SLUG, slug);
        fields.put(ConferenceForm.THEME, theme);
        fields.put(ConferenceForm.DESCRIPTION, description);
        fields.put(ConferenceForm.TIME_ZONE, timeZone);
        fields.put(ConferenceForm.FIRST_DAY, firstDay);
        fields.put(ConferenceForm.LAST_DAY, lastDay);
        fields.put(ConferenceForm.JOIN_NEEDS_ACCOUNT, joinNeedsAccount);
        return fields;
    }

    @Override
    public ConferenceForm read() {
        return new ConferenceForm(name.getValue(), slug.getValue(), theme.getValue(), description.getValue(),
                timeZone.getValue(), firstDay.value(), lastDay.value(), joinNeedsAccount.getValue());
    }

    void fill(ConferenceEdit conference) {
        filling = true;
        try {
            name.setValue(conference.name());
            slug.setValue(conference.slug());
            theme.setValue(conference.theme() == null ? "" : conference.theme());
            description.setValue(conference.description() == null ? "" : conference.description());
            timeZone.setValue(conference.timeZone().getId());
            firstDay.setValue(conference.firstDay());
            lastDay.setValue(conference.lastDay());
            joinNeedsAccount.setValue(conference.joinNeedsAccount());
            slugTouched = true;
            slug.setHelperText("Lower-case letters, numbers and hyphens. Changing it changes the conference's web "
                    + "addresses, so links people have saved will stop working");
        } finally {
            filling = false;
        }
    }
}
