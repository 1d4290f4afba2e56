package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
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
import static org.convene.db.Tables.PERSON;

class PersonEditViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;
    long person;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        person = fixture.person("Bill Hughes", "Tenants' forum", "Bill chairs a tenants' forum.");
        login(data.user(Role.ORGANISER));
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private PersonEditView open() {
        UI.getCurrent().navigate(PersonEditView.class, new RouteParameters("id", Long.toString(person)));
        return _get(PersonEditView.class);
    }

    @Test
    void changes_are_saved_and_confirmed_in_the_status_line() {
        PersonEditView view = open();
        assertThat(_get(H1.class).getText()).isEqualTo("Bill Hughes");
        AdminViews.type(view.fields().organisation, "Northshire Tenants");

        _click(_get(Button.class, spec -> spec.withId("save-person")));

        assertThat(_get(Div.class, spec -> spec.withId("person-status")).getText())
                .isEqualTo("Saved the changes to Bill Hughes.");
        assertThat(db.select(PERSON.ORGANISATION).from(PERSON).where(PERSON.ID.eq(person)).fetchSingle().value1())
                .isEqualTo("Northshire Tenants");
    }

    @Test
    void a_stale_form_is_not_saved_and_the_latest_version_can_be_loaded() {
        PersonEditView view = open();
        db.update(PERSON).set(PERSON.BIO, "Their bio").set(PERSON.VERSION, PERSON.VERSION.plus(1))
                .where(PERSON.ID.eq(person)).execute();
        AdminViews.type(view.fields().bio, "My bio");

        _click(_get(Button.class, spec -> spec.withId("save-person")));

        assertThat(_get(Paragraph.class, spec -> spec.withText("Someone else changed this while you were editing "
                + "it. Your changes have not been saved.")).isVisible()).isTrue();
        assertThat(view.fields().bio.getValue()).isEqualTo("My bio");
        _click(_get(Button.class, spec -> spec.withText("Load the latest version")));
        assertThat(view.fields().bio.getValue()).isEqualTo("Their bio");
    }

    @Test
    void an_unknown_person_is_not_found_and_attendees_cannot_open_the_page() {
        assertThat(openAddress("manage/people/999999999")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("manage/people/someone")).isEqualTo(404);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(PersonEditView.class)).isEmpty();
        logout();
        login(data.user());
        assertCannotOpen(PersonEditView.class, new RouteParameters("id", Long.toString(person)));
    }
}
