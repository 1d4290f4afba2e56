package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PERSON;

class PersonCreateViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    String name = TestData.unique("Amara Okafor");

    @BeforeEach
    void setUp() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(PersonCreateView.class);
    }

    @AfterEach
    void cleanUp() {
        db.deleteFrom(PERSON).where(PERSON.NAME.eq(name)).execute();
    }

    @Test
    void an_email_with_no_account_is_explained_and_nothing_is_saved() {
        PersonCreateView view = _get(PersonCreateView.class);
        AdminViews.type(view.fields().name, name);
        AdminViews.type(view.fields().accountEmail, "nobody-" + TestData.unique("x") + "@test.example");

        _click(_get(Button.class, spec -> spec.withText("Add person")));

        assertThat(view.errors().messages()).containsExactly("There is no Convene account with this email address. "
                + "Ask them to sign up first, or leave this empty");
        assertThat(view.fields().accountEmail.isInvalid()).isTrue();
        assertThat(db.fetchCount(PERSON, PERSON.NAME.eq(name))).isZero();
    }

    @Test
    void adding_a_person_linked_to_an_account_opens_their_page() {
        ConveneUser account = data.user();
        PersonCreateView view = _get(PersonCreateView.class);
        AdminViews.type(view.fields().name, name);
        AdminViews.type(view.fields().accountEmail, account.email());

        _click(_get(Button.class, spec -> spec.withText("Add person")));

        assertThat(_get(H1.class).getText()).isEqualTo(name);
        assertThat(_get(PersonEditView.class).fields().accountEmail.getValue()).isEqualTo(account.email());
    }
}
