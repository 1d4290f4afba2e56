package org.convene.certificates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.IntegerField;
import org.convene.attendance.AttendanceRule;
import org.convene.certificates.CertificateSettings;
import org.convene.core.SaveResult;
import org.jspecify.annotations.Nullable;

/**
 * The conference's attendance rule (used by reports and certificates) and whether it gives certificates. Saving
 * says what happened in a polite live region; a refused rule puts its message on the field and moves focus there.
 */
class CertificateSettingsForm extends Section {

    @FunctionalInterface
    interface Save {
        SaveResult<CertificateSettings> save(@Nullable Integer rulePercent, boolean enabled);
    }

    private final IntegerField rule = new IntegerField("Attendance rule (%)");
    private final Checkbox enabled = new Checkbox("Give certificates of attendance");
    private final Div status = new Div();
    private final Save save;

    CertificateSettingsForm(CertificateSettings settings, Save save) {
        this.save = save;
        setId("certificate-settings");
        rule.setId("attendance-rule");
        rule.setHelperText("People attend a session when they are there for at least this share of it, from "
                + AttendanceRule.MIN_PERCENT + " to " + AttendanceRule.MAX_PERCENT + ". Reports and certificates "
                + "both use it.");
        rule.setManualValidation(true);
        rule.setValue(settings.rulePercent());
        enabled.setId("certificates-enabled");
        enabled.setValue(settings.enabled());
        status.setId("certificate-settings-status");
        status.getElement().setAttribute("role", "status");
        Button button = new Button("Save attendance and certificates", e -> save());
        button.setId("save-certificate-settings");
        add(new H2("Attendance and certificates"), new Paragraph("People who meet the rule at a session can "
                + "download a certificate of attendance, and one for the whole conference."), rule, enabled,
                new Div(button), status);
    }

    private void save() {
        rule.setInvalid(false);
        // an IntegerField holds null both when empty and when what was typed is not a whole number
        switch (save.save(rule.getValue(), enabled.getValue())) {
            case SaveResult.Saved<CertificateSettings> saved -> status.setText("Saved. The attendance rule is "
                    + saved.value().rulePercent() + " %, and certificates are "
                    + (saved.value().enabled() ? "on." : "off."));
            case SaveResult.Invalid<CertificateSettings> invalid -> {
                String message = invalid.firstMessage();
                rule.setErrorMessage(message);
                rule.setInvalid(true);
                status.setText(message);
                rule.focus();
            }
            case SaveResult.Conflict<CertificateSettings> conflict -> status.setText("Someone else changed these "
                    + "settings. Reload the page to see them.");
        }
    }

    IntegerField rule() {
        return rule;
    }

    Checkbox enabled() {
        return enabled;
    }

    String statusText() {
        return status.getText();
    }
}
