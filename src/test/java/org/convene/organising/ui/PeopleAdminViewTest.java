package org.convene.organising.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PeopleAdminViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void searching_by_organisation_finds_the_people_lazily() {
        long amara = fixture.person("Amara Okafor", "Carers Together " + fixture.tag(), null);
        fixture.person("Bill Hughes", "Tenants " + fixture.tag(), null);
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(PeopleAdminView.class);
        PeopleAdminView view = _get(PeopleAdminView.class);

        AdminViews.type(_get(TextField.class, spec -> spec.withId("person-search")), "carers together " + fixture.tag());
        _click(_get(Button.class, spec -> spec.withText("Search")));

        assertThat(GridKt._size(view.grid())).isEqualTo(1);
        assertThat(((Anchor) GridKt._getCellComponent(view.grid(), 0, "name")).getHref())
                .isEqualTo("manage/people/" + amara);
        assertThat(GridKt._getFormatted(view.grid(), 0, "account")).isEqualTo("Not linked");
        assertThat(_get(Div.class, spec -> spec.withId("people-status")).getText())
                .isEqualTo("1 person found for \u201ccarers together " + fixture.tag() + "\u201d.");
    }

    @Test
    void only_organisers_may_open_it() {
        login(data.user(Role.FACILITATOR));
        assertCannotOpen(PeopleAdminView.class);
    }
}
