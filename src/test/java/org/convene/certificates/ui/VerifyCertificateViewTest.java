package org.convene.certificates.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.account.AccountFixtures;
import org.convene.certificates.CertificateCodes;
import org.convene.certificates.CertificateService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyCertificateViewTest extends CertificateViewTest {

    @Autowired
    CertificateService certificates;

    String code;

    @BeforeEach
    void setUp() {
        fixture.stay(alex, "10:00", "10:58");
        AccountFixtures.actAs(alex);
        code = certificates.sessionCertificate(fixture.session, alex.id()).code();
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyone_sees_that_a_genuine_certificate_is_genuine_and_what_it_says() {
        UI.getCurrent().navigate("certificates/" + CertificateCodes.grouped(code));

        assertThat(_get(H1.class).getText()).isEqualTo("This certificate is genuine");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Convene issued this certificate "
                + "of attendance to " + alex.displayName() + " for Planning care together, part of Report week on "
                + "Monday 10 November 2031.");
        assertThat(_find(NativeTableCell.class)).extracting(NativeTableCell::getText)
                .contains("Planning care together", "Monday 10 November 2031, 10am to 11am", "58");
    }

    @Test
    void an_unknown_code_says_plainly_that_there_is_no_such_certificate() {
        char last = code.charAt(code.length() - 1);
        UI.getCurrent().navigate("certificates/" + code.substring(0, 19) + (last == 'Z' ? 'Y' : 'Z'));

        assertThat(_get(H1.class).getText()).isEqualTo("We could not find this certificate");
        assertThat(_find(CertificateNotFoundView.class)).hasSize(1);
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).noneMatch(t -> t.contains("Report week"));
    }
}
