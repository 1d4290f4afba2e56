package org.convene.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.certificates.CertificateService;
import org.convene.programme.ui.ConferenceSettingsSection;

import java.util.Optional;

/** The attendance rule and certificates on or off, on the conference's settings page. */
@SpringComponent
class CertificateSettingsSection implements ConferenceSettingsSection {

    private final CertificateService certificates;

    CertificateSettingsSection(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Component> create(long conferenceId) {
        return certificates.settings(conferenceId).map(settings -> new CertificateSettingsForm(settings,
                (percent, enabled) -> certificates.saveSettings(conferenceId, percent, enabled)));
    }
}
