package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.HOST_INVITATION;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.USER_ROLE;

class HostEditViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    ProgrammeFixture fixture;
    HostRef host;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        host = fixture.host("Carers Together");
        login(data.user(Role.ORGANISER));
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private HostEditView open() {
        UI.getCurrent().navigate(HostEditView.class, new RouteParameters("id", Long.toString(host.id())));
        return _get(HostEditView.class);
    }

    private static List<String> items(String listId) {
        return _get(UnorderedList.class, spec -> spec.withId(listId)).getChildren()
                .map(c -> ((ListItem) c).getElement().getTextRecursively()).toList();
    }

    @Test
    void inviting_shows_the_link_once_read_only_with_a_copy_button_and_lists_the_invitation() {
        open();
        AdminViews.type(_get(EmailField.class, spec -> spec.withId("invite-email")), "Sam@Example.org");

        _click(_get(Button.class, spec -> spec.withId("invite")));

        TextField link = _get(TextField.class, spec -> spec.withId("invitation-url"));
        assertThat(link.isReadOnly()).isTrue();
        assertThat(link.getLabel()).isEqualTo("Invitation link for sam@example.org");
        assertThat(link.getValue()).matches("https://convene\\.example\\.test/invitations/[A-Za-z0-9_-]{43}");
        assertThat(_get(Button.class, spec -> spec.withText("Copy link"))).isNotNull();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("We have emailed this link to them. You can also copy it and send it another "
                        + "way. It works once, until "));
        assertThat(items("invitations")).singleElement().asString().startsWith("sam@example.org, works until ");

        open();
        assertThat(_find(TextField.class, spec -> spec.withId("invitation-url"))).as("shown once").isEmpty();
        assertThat(items("invitations")).hasSize(1);
    }

    @Test
    void a_bad_address_is_explained_beside_the_field() {
        open();
        AdminViews.type(_get(EmailField.class, spec -> spec.withId("invite-email")), "not-an-address");

        _click(_get(Button.class, spec -> spec.withId("invite")));

        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an email address in the correct format, like name@example.org");
        assertThat(db.fetchCount(HOST_INVITATION, HOST_INVITATION.HOST_ID.eq(host.id()))).isZero();
    }

    @Test
    void revoking_an_invitation_and_removing_the_last_coordinator_take_effect() {
        ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, host);
        open();
        AdminViews.type(_get(EmailField.class, spec -> spec.withId("invite-email")), "kim@example.org");
        _click(_get(Button.class, spec -> spec.withId("invite")));

        _click(AdminViews.button("Revoke the invitation for kim@example.org"));
        assertThat(items("invitations")).containsExactly("There are no invitations waiting.");
        assertThat(_find(TextField.class, spec -> spec.withId("invitation-url"))).isEmpty();

        assertThat(items("coordinators")).singleElement().asString().contains(coordinator.email());
        _click(AdminViews.button("Remove " + coordinator.displayName() + " as coordinator"));
        assertThat(_get(HostEditView.class).peopleStatus())
                .isEqualTo(coordinator.displayName() + " no longer coordinates " + host.name() + ".");
        assertThat(items("coordinators")).containsExactly("Nobody coordinates this organisation yet.");
        assertThat(db.fetchCount(USER_ROLE, USER_ROLE.USER_ID.eq(coordinator.id()).and(USER_ROLE.ROLE.eq(Role.HOST))))
                .isZero();
    }

    @Test
    void details_saved_by_someone_else_meanwhile_give_the_conflict_message() {
        HostEditView view = open();
        db.update(HOST_ORGANISATION).set(HOST_ORGANISATION.DESCRIPTION, "Theirs")
                .set(HOST_ORGANISATION.VERSION, HOST_ORGANISATION.VERSION.plus(1))
                .where(HOST_ORGANISATION.ID.eq(host.id())).execute();
        AdminViews.type(view.fields().description, "Mine");

        _click(_get(Button.class, spec -> spec.withId("save-host")));

        assertThat(_get(Paragraph.class, spec -> spec.withText("Someone else changed this while you were editing "
                + "it. Your changes have not been saved.")).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Load the latest version")));
        assertThat(view.fields().description.getValue()).isEqualTo("Theirs");
    }

    @Test
    void host_coordinators_cannot_open_even_their_own_organisations_admin_page() {
        logout();
        login(data.user(Role.HOST));
        assertCannotOpen(HostEditView.class, new RouteParameters("id", Long.toString(host.id())));
    }
}
