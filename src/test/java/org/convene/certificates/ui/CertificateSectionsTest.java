package org.convene.certificates.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;

/** The certificate parts of the session page, the session report and the conference settings. */
class CertificateSectionsTest extends CertificateViewTest {

    @Test
    void after_the_session_its_page_offers_the_certificate_to_someone_who_met_the_rule() {
        fixture.stay(alex, "10:00", "10:55");
        login(alex);

        UI.getCurrent().navigate("sessions/" + fixture.session);

        SessionCertificatePart part = _get(SessionCertificatePart.class);
        assertThat(_find(part, Paragraph.class)).extracting(Paragraph::getText).contains(
                "You were at this session for 55 minutes, so you can have a certificate of attendance.");
        assertThat(_get(Anchor.class, spec -> spec.withId("certificate-download")).getText())
                .isEqualTo("Download your certificate (PDF)");
    }

    @Test
    void the_session_page_says_why_there_is_no_certificate() {
        fixture.stay(alex, "10:00", "10:32");
        login(alex);

        UI.getCurrent().navigate("sessions/" + fixture.session);

        assertThat(_get(Paragraph.class, spec -> spec.withId("certificate-reason")).getText())
                .isEqualTo("You were at this session for 32 minutes; a certificate needs 51 of its 60 minutes.");
        assertThat(_find(Anchor.class, spec -> spec.withId("certificate-download"))).isEmpty();
    }

    @Test
    void before_the_session_ends_or_for_someone_signed_out_the_page_has_no_certificate_part() {
        fixture.stay(alex, "10:00", "10:55");
        UI.getCurrent().navigate("sessions/" + fixture.session);
        assertThat(_find(SessionCertificatePart.class)).isEmpty();

        clock.set(Instant.parse("2031-11-10T10:58:00Z"));
        login(alex);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions/" + fixture.session);
        assertThat(_find(SessionCertificatePart.class)).isEmpty();
    }

    @Test
    void the_session_report_offers_everyones_certificates_to_its_organisers() {
        fixture.stay(alex, "10:00", "11:00");
        fixture.stay(data.user(), "10:00", "10:59");
        login(data.user(Role.ORGANISER));

        UI.getCurrent().navigate("reports/sessions/" + fixture.session);

        ReportCertificatesPart part = _get(ReportCertificatesPart.class);
        assertThat(_find(part, Paragraph.class)).extracting(Paragraph::getText)
                .contains("2 people met the attendance rule at this session.");
        assertThat(_get(Anchor.class, spec -> spec.withId("report-certificates-download")).getText())
                .isEqualTo("Download their certificates (zip of PDF files)");
    }

    @Test
    void the_session_report_says_when_certificates_are_switched_off() {
        db.update(CONFERENCE).set(CONFERENCE.CERTIFICATES_ENABLED, false).where(CONFERENCE.ID.eq(fixture.week.id()))
                .execute();
        login(data.user(Role.ORGANISER));

        UI.getCurrent().navigate("reports/sessions/" + fixture.session);

        assertThat(_find(_get(ReportCertificatesPart.class), Paragraph.class)).extracting(Paragraph::getText)
                .containsExactly("The organisers of this conference do not give certificates of attendance. "
                        + "Organisers can switch them on in the conference's settings.");
        assertThat(_find(Anchor.class, spec -> spec.withId("report-certificates-download"))).isEmpty();
    }

    @Test
    void organisers_set_the_rule_and_switch_certificates_off_in_the_conference_settings() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate("manage/conferences/" + fixture.week.slug());
        CertificateSettingsForm form = _get(CertificateSettingsForm.class);
        assertThat(form.rule().getValue()).isEqualTo(85);
        assertThat(form.enabled().getValue()).isTrue();

        form.rule().setValue(101);
        _click(_get(Button.class, spec -> spec.withId("save-certificate-settings")));
        assertThat(form.rule().isInvalid()).isTrue();
        assertThat(form.rule().getErrorMessage()).isEqualTo("The attendance rule must be between 1 and 100 %.");
        assertThat(form.statusText()).isEqualTo("The attendance rule must be between 1 and 100 %.");

        form.rule().setValue(75);
        form.enabled().setValue(false);
        _click(_get(Button.class, spec -> spec.withId("save-certificate-settings")));
        assertThat(form.rule().isInvalid()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("certificate-settings-status")).getText())
                .isEqualTo("Saved. The attendance rule is 75 %, and certificates are off.");
        assertThat(db.select(CONFERENCE.ATTENDANCE_RULE_PERCENT, CONFERENCE.CERTIFICATES_ENABLED).from(CONFERENCE)
                .where(CONFERENCE.ID.eq(fixture.week.id())).fetchSingle().intoArray())
                .containsExactly((short) 75, false);
    }

    @Test
    void a_host_coordinator_has_no_certificate_settings_to_open() {
        ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, fixture.host);
        login(coordinator);

        assertCannotOpen(org.convene.organising.ui.ConferenceEditView.class,
                new RouteParameters("slug", fixture.week.slug()));
    }
}
