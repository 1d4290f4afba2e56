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
import org.convene.programme.HostRef;
import org.convene.organising.HostRow;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class HostsAdminViewTest extends KaribuTest {

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
    void the_name_filter_narrows_the_lazily_loaded_list_and_says_how_many() {
        HostRef carers = fixture.host("Carers Together");
        fixture.host("Deaf Voices");
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(HostsAdminView.class);
        HostsAdminView view = _get(HostsAdminView.class);
        assertThat(GridKt._size(view.grid())).isGreaterThanOrEqualTo(2);

        AdminViews.type(_get(TextField.class, spec -> spec.withId("host-search")), "carers together " + fixture.tag());
        _click(_get(Button.class, spec -> spec.withText("Search")));

        assertThat(GridKt._size(view.grid())).isEqualTo(1);
        HostRow row = GridKt._get(view.grid(), 0);
        assertThat(row.name()).isEqualTo(carers.name());
        assertThat(((Anchor) GridKt._getCellComponent(view.grid(), 0, "name")).getHref())
                .isEqualTo("manage/hosts/" + carers.id());
        assertThat(_get(Div.class, spec -> spec.withId("hosts-status")).getText())
                .isEqualTo("1 organisation found for \u201ccarers together " + fixture.tag() + "\u201d.");
        assertThat(_get(Anchor.class, spec -> spec.withText("Add a host organisation")).getHref())
                .isEqualTo("manage/hosts/new");
    }

    @Test
    void host_coordinators_and_attendees_cannot_open_it() {
        login(data.user(Role.HOST));
        assertCannotOpen(HostsAdminView.class);
        logout();
        login(data.user());
        assertCannotOpen(HostsAdminView.class);
    }
}
