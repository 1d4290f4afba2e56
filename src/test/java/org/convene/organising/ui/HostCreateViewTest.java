package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.HOST_ORGANISATION;

class HostCreateViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;
    String name = TestData.unique("New host");

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostCreateView.class);
    }

    @AfterEach
    void cleanUp() {
        db.deleteFrom(HOST_ORGANISATION).where(HOST_ORGANISATION.NAME.eq(name)).execute();
        fixture.cleanUp();
    }

    @Test
    void a_name_already_used_and_a_website_that_is_not_an_address_are_explained() {
        HostRef existing = fixture.host("Carers Together");
        HostCreateView view = _get(HostCreateView.class);
        AdminViews.type(view.fields().name, existing.name().toLowerCase());
        AdminViews.type(view.fields().website, "www.carers.example");

        _click(_get(Button.class, spec -> spec.withText("Add organisation")));

        assertThat(view.errors().messages()).containsExactly(
                "There is already a host organisation called \u201c" + existing.name().toLowerCase()
                        + "\u201d. Open it from the list instead, or use a different name",
                "Enter a website address that starts with https:// or http://, like https://www.example.org");
        assertThat(view.fields().website.getErrorMessage()).startsWith("Enter a website address");
        assertThat(view.getPageTitle()).isEqualTo("Error: Add a host organisation - Convene");
    }

    @Test
    void adding_an_organisation_opens_its_page() {
        HostCreateView view = _get(HostCreateView.class);
        AdminViews.type(view.fields().name, name);
        AdminViews.type(view.fields().website, "https://new-host.example.org");

        _click(_get(Button.class, spec -> spec.withText("Add organisation")));

        assertThat(_get(HostEditView.class)).isNotNull();
        assertThat(_get(H1.class).getText()).isEqualTo(name);
    }
}
