package org.convene.certificates.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.account.ui.AccountView;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyCertificatesViewTest extends CertificateViewTest {

    @Test
    void a_person_sees_the_sessions_they_attended_with_a_certificate_for_each_and_the_conference() {
        fixture.stay(alex, "10:00", "10:57");
        login(alex);

        UI.getCurrent().navigate(MyCertificatesView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("My certificates");
        assertThat(_get(H2.class).getText()).isEqualTo("Report week");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Planning care together", "Monday 10 November 2031, 10am to 11am. You were there for 57 minutes.");
        assertThat(_find(Anchor.class)).extracting(a -> a.getElement().getAttribute("aria-label"))
                .contains("Download the certificate for the whole of Report week (PDF)",
                        "Download the certificate for Planning care together (PDF)");
    }

    @Test
    void someone_who_attended_nothing_long_enough_is_told_where_certificates_will_appear() {
        fixture.stay(alex, "10:00", "10:10");
        login(alex);

        UI.getCurrent().navigate(MyCertificatesView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-certificates")).getText())
                .startsWith("You have no certificates yet.");
    }

    @Test
    void the_account_page_links_to_my_certificates() {
        login(alex);

        UI.getCurrent().navigate(AccountView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("my-certificates-link")).getHref())
                .isEqualTo("account/certificates");
    }

    @Test
    void nobody_signed_out_can_open_it() {
        assertCannotOpen(MyCertificatesView.class);
    }
}
